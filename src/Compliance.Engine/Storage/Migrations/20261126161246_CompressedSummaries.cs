using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compliance.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CompressedSummaries : Migration
    {
        // SQLite cannot compress: each summary is packed by SummaryFunctions, C# registered as a SQL function on
        // every connection of the ledger's model, row by row inside this migration's transaction, so a ledger is
        // converted whole or not at all. The new column is added and the old one dropped in place rather than
        // altered: EF's AlterColumn would rebuild Runs outside the transaction (foreign keys off). Dropping frees the
        // old text's pages inside the file, where later runs reuse them; VACUUM gives them back to the disk.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Summary",
                table: "Runs",
                type: "BLOB",
                nullable: false,
                defaultValue: Array.Empty<byte>());

            migrationBuilder.Sql($"UPDATE Runs SET Summary = {SummaryFunctions.Pack}(SummaryJson);");

            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"SummaryJson\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The text comes back whole; the column comes back last, after the columns IncrementalRuns added.
            migrationBuilder.AddColumn<string>(
                name: "SummaryJson",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql($"UPDATE Runs SET SummaryJson = {SummaryFunctions.Unpack}(Summary);");

            migrationBuilder.Sql("ALTER TABLE \"Runs\" DROP COLUMN \"Summary\";");
        }
    }
}
