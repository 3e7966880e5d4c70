package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/importer/tabular"
)

func (a *App) importCSVCmd() *cobra.Command {
	var maps []string
	var opt tabular.Options
	cmd := &cobra.Command{
		Use:   "csv FILE --map name=COLUMN,type=TYPE,...",
		Short: "Import a list of entities from a CSV file with a header line, in one transaction",
		Long: `Imports one entity per row of a CSV file (plain or gzipped), mapping the ontology's fields to
the file's columns with --map field=Column (comma-separated, or --map given several times):

  name=COLUMN              the name (required)
  type=TYPE|COLUMN         organization, person, place, ... (required); category=CATEGORY|COLUMN
  alias=COLUMN             another name; alias:LANG=COLUMN with its language (alias:zh-Hant=中文名)
  id:SCHEME=COLUMN         an identifier (id:ror=ROR, id:wikidata=QID); website=COLUMN
  founded=COLUMN           an event of that kind (founded, opened, launched, ...) dated by the column
  description=COLUMN       a text attribute (also status, note)
  PREDICATE=COLUMN         a relation to the entity the cell names, found by name or created
                           (located_in=District, focuses_on=Sector, part_of=Parent)

A value in single quotes is a literal for every row: located_in='Hong Kong'. A cell may hold
several values separated by ";". Rows are matched to stored entities (identifiers, then names);
a bad row stores nothing and the error names its line. Example:

  hkin import csv tenants.csv --map "name=Company,type=organization,category=startup,located_in=District,website=URL"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := tabular.ParseMapping(maps...)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			start := time.Now()
			bar := a.progressBar("importing CSV")
			opt.Logger, opt.Progress = a.log, bar.set
			c, err := tabular.Import(ctx, s, args[0], m, opt)
			if err != nil {
				return err
			}
			bar.done()
			if a.json {
				return a.PrintJSON(c)
			}
			a.log.Info("imported CSV", "file", args[0], "rows", c.Rows, "new_entities", c.Created, "matched", c.Matched,
				"new_statements", c.Statements, "dropped_identifiers", c.Dropped, "took", time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&maps, "map", nil, "field=Column pairs, comma-separated (see above)")
	f.StringVar(&opt.Title, "title", "", "the source's title (default: the file name)")
	f.StringVar(&opt.URL, "url", "", "where the list comes from")
	f.StringVar(&opt.Version, "version", "", "the list's version (default: a hash of the file)")
	cmd.MarkFlagRequired("map")
	return cmd
}
