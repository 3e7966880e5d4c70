package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/ingest"
	"github.com/hkin/hkin/internal/resolve"
)

func (a *App) ingestCmd() *cobra.Command {
	var published, url, title string
	cmd := &cobra.Command{
		Use:   "ingest [--published DATE] [--url U] [--title T] FILE...",
		Short: "Extract articles' facts and store them with each article as their source",
		Long: "ingest reads English articles (plain text; - reads standard input), extracts their entities,\n" +
			"relations, events and metrics, resolves the entities onto those already stored, and stores the\n" +
			"facts with the article as their source (title, URL, date, SHA-256 of the text) and the sentence\n" +
			"as their evidence, one transaction per article. Ingesting an article again adds nothing.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 && (url != "" || title != "") {
				return fmt.Errorf("--url and --title describe one article; got %d files", len(args))
			}
			st, err := a.Store(cmd.Context())
			if err != nil {
				return err
			}
			p := ingest.New(st, &resolve.Resolver{}, a.log)
			var results []*ingest.Result
			for _, path := range args {
				text, err := readArticle(cmd.InOrStdin(), path)
				if err != nil {
					return err
				}
				res, err := p.Ingest(cmd.Context(), ingest.Document{Text: text, Published: published, URL: url, Title: title})
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				results = append(results, res)
				if !a.JSON() {
					a.Printf("%s: %d entities (%d new), %d statements (%d new), source %s\n",
						path, len(res.Entities), len(res.Created), len(res.Statements), res.Added, res.Source)
					for _, s := range res.Skipped {
						a.Printf("  skipped: %s\n", s)
					}
				}
			}
			if a.JSON() {
				if len(results) == 1 {
					return a.PrintJSON(results[0])
				}
				return a.PrintJSON(results)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&published, "published", "", "the articles' publication date, YYYY-MM-DD")
	f.StringVar(&url, "url", "", "the article's URL")
	f.StringVar(&title, "title", "", "the article's title (default: its first line)")
	return cmd
}
