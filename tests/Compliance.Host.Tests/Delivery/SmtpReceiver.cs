using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Compliance.Host.Tests.Delivery;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps every message it accepts.</summary>
internal sealed class SmtpReceiver : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    /// <param name="refuseFirst">How many messages to answer with 554 before accepting, as a full or failing mail server would.</param>
    /// <param name="refuseTo">Addresses whose every message is answered with 554, as a unit's mail server that keeps refusing would.</param>
    public SmtpReceiver(int refuseFirst = 0, params string[] refuseTo)
    {
        Port = FreePort.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(Messages, refuseFirst, refuseTo.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages, int refuseFirst, HashSet<string> refuseTo) : MessageStore
    {
        private int _refusalsLeft = refuseFirst;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (transaction.To.Any(to => refuseTo.Contains($"{to.User}@{to.Host}")) || Interlocked.Decrement(ref _refusalsLeft) >= 0)
            {
                return SmtpResponse.TransactionFailed;
            }
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
