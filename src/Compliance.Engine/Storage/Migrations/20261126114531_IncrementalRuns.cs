using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IncrementalRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BaseRunId",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StoredFindings",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every run before this migration stored all of its findings.
            migrationBuilder.Sql("UPDATE Runs SET StoredFindings = FindingCount;");

            migrationBuilder.AddColumn<bool>(
                name: "Gone",
                table: "Findings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_LastSeenRunId",
                table: "Alerts",
                column: "LastSeenRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_State_LastSeenRunId",
                table: "Alerts",
                columns: new[] { "State", "LastSeenRunId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_LastSeenRunId",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_State_LastSeenRunId",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "BaseRunId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "StoredFindings",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Gone",
                table: "Findings");
        }
    }
}
