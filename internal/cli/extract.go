package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/extract"
)

func (a *App) extractCmd() *cobra.Command {
	var published string
	cmd := &cobra.Command{
		Use:   "extract [--published DATE] FILE",
		Short: "Print the entities, relations, events and metrics of an article as JSON (stores nothing)",
		Long: "extract reads one English article (plain text; - reads standard input) and prints its\n" +
			"entities, relations, events and metrics as JSON. --published (YYYY-MM-DD) anchors dates\n" +
			"such as \"February\" or \"last year\". Nothing is stored.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := readArticle(cmd.InOrStdin(), args[0])
			if err != nil {
				return err
			}
			res, err := extract.New(nil).Extract(cmd.Context(), text, published)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return a.PrintJSON(res)
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "the article's publication date, YYYY-MM-DD")
	return cmd
}

// readArticle reads a text file (or standard input for "-"), refusing files over extract.MaxText.
func readArticle(stdin io.Reader, path string) (string, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, extract.MaxText+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if len(b) > extract.MaxText {
		return "", fmt.Errorf("%s: %w", path, extract.ErrTooLarge)
	}
	if err := extract.CheckText(string(b)); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return string(b), nil
}
