using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AlertSightings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertSightings",
                columns: table => new
                {
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAsOf = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSightings", x => x.AlertId);
                    table.ForeignKey(
                        name: "FK_AlertSightings_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every alert keeps the sighting it had.
            migrationBuilder.Sql("INSERT INTO AlertSightings (AlertId, LastSeenRunId, LastSeenAsOf) SELECT Id, LastSeenRunId, LastSeenAsOf FROM Alerts;");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_LastSeenRunId",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_State_LastSeenRunId",
                table: "Alerts");

            // SQLite drops an unindexed column in place: EF's DropColumn would rebuild Alerts instead, outside this
            // migration's transaction (it turns foreign keys off to drop the table AlertSightings now refers to).
            migrationBuilder.Sql("ALTER TABLE \"Alerts\" DROP COLUMN \"LastSeenAsOf\";");
            migrationBuilder.Sql("ALTER TABLE \"Alerts\" DROP COLUMN \"LastSeenRunId\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastSeenAsOf",
                table: "Alerts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "LastSeenRunId",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql(
                "UPDATE Alerts SET LastSeenRunId = s.LastSeenRunId, LastSeenAsOf = s.LastSeenAsOf FROM AlertSightings AS s WHERE s.AlertId = Alerts.Id;");

            migrationBuilder.DropTable(
                name: "AlertSightings");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_LastSeenRunId",
                table: "Alerts",
                column: "LastSeenRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_State_LastSeenRunId",
                table: "Alerts",
                columns: new[] { "State", "LastSeenRunId" });
        }
    }
}
