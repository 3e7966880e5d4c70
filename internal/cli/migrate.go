package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/store/backend"
)

func (a *App) migrateCmd() *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "migrate --from hkin.db --to postgres://...",
		Short: "Copy a database into another (SQLite to PostgreSQL, or back), in one transaction",
		Long: "migrate copies every source, entity (names, identifiers, merges) and statement (retracted ones\n" +
			"too) from one database into another, e.g. from the embedded SQLite file to PostgreSQL when one\n" +
			"machine is outgrown. The copy is one transaction on the target; rerunning it adds nothing.\n" +
			"API tokens are not copied: create new ones on the target with `hkin token create`.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" || to == "" {
				return fmt.Errorf("both --from and --to are required")
			}
			if from == to {
				return fmt.Errorf("--from and --to name the same database")
			}
			ctx := cmd.Context()
			src, err := backend.Open(ctx, from)
			if err != nil {
				return fmt.Errorf("--from: %w", err)
			}
			defer src.Close()
			dst, err := backend.Open(ctx, to)
			if err != nil {
				return fmt.Errorf("--to: %w", err)
			}
			defer dst.Close()
			pr, pw := io.Pipe()
			go func() { pw.CloseWithError(jsonl.Export(ctx, src, pw)) }()
			c, err := jsonl.Import(ctx, dst, pr, nil)
			pr.CloseWithError(err)
			if err != nil {
				return fmt.Errorf("migrate: %w (nothing was stored)", err)
			}
			if a.json {
				return a.PrintJSON(c)
			}
			a.log.Info("migrated", "sources", c.Sources, "entities", c.Entities, "new_statements", c.Statements, "merges", c.Merges)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the database to copy: a SQLite file or a postgres:// URL")
	cmd.Flags().StringVar(&to, "to", "", "the database to copy into")
	return cmd
}
