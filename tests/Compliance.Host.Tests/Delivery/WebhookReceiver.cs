using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Compliance.Host.Delivery;

namespace Compliance.Host.Tests.Delivery;

/// <summary>
/// A local HTTP receiver as a unit would run it: it checks each request's HMAC signature, and de-duplicates by
/// idempotency key, so <see cref="Processed"/> holds each message once however often it arrived.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private readonly Task _loop;
    private int _failuresLeft;

    public WebhookReceiver(string secret, int failFirst = 0, TimeSpan? holdBeforeAnswer = null)
    {
        _secret = secret;
        _failuresLeft = failFirst;
        Hold = holdBeforeAnswer ?? TimeSpan.Zero;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    /// <summary>How long each accepted request is held (after it was processed) before it is answered.</summary>
    public TimeSpan Hold { get; set; }

    public string UrlFor(string unit) => $"http://127.0.0.1:{Port}/{unit}";

    /// <summary>Every request that arrived, in order: path, key, whether its signature held.</summary>
    public ConcurrentQueue<(string Path, string Key, bool SignatureValid)> Arrived { get; } = new();

    /// <summary>Key → the body the receiver acted on: the first arrival of each key with a valid signature.</summary>
    public ConcurrentDictionary<string, JsonDocument> Processed { get; } = new();

    /// <summary>Bodies of repeated keys, to check a re-send is the same message.</summary>
    public ConcurrentQueue<(string Key, string Body)> Repeats { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        var key = context.Request.Headers[WebhookSignature.IdempotencyHeader] ?? "";
        var valid = WebhookSignature.Verify(_secret, bytes, context.Request.Headers[WebhookSignature.SignatureHeader]);
        Arrived.Enqueue((context.Request.Url!.AbsolutePath, key, valid));
        if (!valid || key.Length == 0)
        {
            Close(context, 401);
            return;
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Close(context, 503);
            return;
        }
        if (!Processed.TryAdd(key, JsonDocument.Parse(bytes)))
        {
            Repeats.Enqueue((key, System.Text.Encoding.UTF8.GetString(bytes)));
        }
        if (Hold > TimeSpan.Zero)
        {
            await Task.Delay(Hold);
        }
        Close(context, 200);
    }

    private static void Close(HttpListenerContext context, int status)
    {
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
