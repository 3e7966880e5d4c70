package cli

import (
	"time"

	"github.com/hkin/hkin/internal/progress"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/importer/ror"
)

func (a *App) importRORCmd() *cobra.Command {
	var version string
	cmd := &cobra.Command{
		Use:   "ror FILE",
		Short: "Import a ROR data dump (schema v2; .json, .json.gz or the official .zip), in one transaction",
		Long: `Imports the Research Organization Registry's data dump: every record becomes an organization
with its names, identifiers (ror, wikidata, grid, isni, fundref, website), category, city and
country, founding year, status and relationships. Records are matched to entities already
stored (by identifier, then by name); importing the same dump again changes nothing.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			start := time.Now()
			bar := a.progressBar("importing ROR")
			c, err := ror.Import(ctx, s, args[0], ror.Options{Version: version, Logger: a.log, Progress: bar.set})
			if err != nil {
				return err
			}
			bar.done()
			if a.json {
				return a.PrintJSON(c)
			}
			a.log.Info("imported ROR", "file", args[0], "records", c.Records, "new_organizations", c.Organizations,
				"matched", c.Matched, "new_places", c.Places, "new_statements", c.Statements, "inactive", c.Inactive,
				"dropped_identifiers", c.Dropped, "unlinked_relationships", c.Unlinked, "took", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&version, "version", "", "the dump's version, for its source (default: from the file name, else a hash of the file)")
	return cmd
}

// lazyBar is a progress bar drawn once the total is known.
type lazyBar struct {
	a           *App
	label       string
	bar         *progress.Bar
	done_, size int64
}

func (a *App) progressBar(label string) *lazyBar { return &lazyBar{a: a, label: label} }

func (b *lazyBar) set(done, total int64) {
	if b.bar == nil {
		b.bar = progress.New(b.a.Err, b.label, total)
	}
	b.done_, b.size = done, total
	b.bar.Set(done)
}

func (b *lazyBar) done() {
	if b.bar != nil {
		b.bar.Done(b.size)
	}
}
