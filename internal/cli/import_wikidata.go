package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/importer/wikidata"
)

func (a *App) importWikidataCmd() *cobra.Command {
	var version string
	cmd := &cobra.Command{
		Use:   "wikidata FILE",
		Short: "Import items from a Wikidata JSON dump (.json, .json.gz or .bz2), in one transaction",
		Long: `Imports a file in the format of Wikidata's JSON dumps (a JSON array, one entity a line), usually
a subset. Items whose "instance of" (P31) maps to an entity type are kept with their labels and
aliases in en, zh, zh-hant, zh-hans and zh-hk, their identifiers (wikidata, ror P6782, website
P856, grid, isni, lei) and the claims that map to the ontology: P17/P131/P159 → located_in (part_of
for places), P112 founded by, P169 CEO → holds_position, P749/P361/P355 → part_of, P571 inception
→ founded, P576 dissolved → closed. Other items and properties are ignored.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			start := time.Now()
			bar := a.progressBar("importing Wikidata")
			c, err := wikidata.Import(ctx, s, args[0], wikidata.Options{Version: version, Logger: a.log, Progress: bar.set})
			if err != nil {
				return err
			}
			bar.done()
			if a.json {
				return a.PrintJSON(c)
			}
			a.log.Info("imported Wikidata", "file", args[0], "lines", c.Lines, "items", c.Items, "ignored", c.Ignored,
				"new_entities", c.Created, "matched", c.Matched, "new_statements", c.Statements, "skipped_claims", c.Skipped,
				"dropped_identifiers", c.Dropped, "took", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&version, "version", "", "the dump's version, for its source (default: a date in the file name, else a hash of the file)")
	return cmd
}
