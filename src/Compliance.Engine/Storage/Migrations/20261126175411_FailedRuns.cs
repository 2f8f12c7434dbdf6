using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FailedRuns : Migration
    {
        // Every run stored before this one completed: that is all the ledger recorded then. Down drops the columns in
        // place, as CompressedSummaries does, rather than let EF rebuild Runs; it drops failed runs first, with their
        // input rows, since the previous model would read them as completed runs without findings.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: RunState.Completed);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InputsHash",
                table: "Runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DELETE FROM \"Deliveries\" WHERE \"Kind\" = '{Alerts.DeliveryChannels.RunFailed}';");
            migrationBuilder.Sql($"DELETE FROM \"RunInputs\" WHERE \"RunId\" IN (SELECT \"Id\" FROM \"Runs\" WHERE \"State\" = '{RunState.Failed}');");
            migrationBuilder.Sql($"DELETE FROM \"Runs\" WHERE \"State\" = '{RunState.Failed}';");
            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"InputsHash\";");
            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"Error\";");
            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"State\";");
        }
    }
}
