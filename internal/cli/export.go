package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/jsonl"
)

func (a *App) exportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole database out (jsonl: the dump `hkin import jsonl` reads back)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if _, err := a.Store(ctx); err != nil {
				return err
			}
			w := a.Out
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				bw := bufio.NewWriter(f)
				defer bw.Flush()
				w = bw
			}
			writer, ok := a.exporters()[format]
			if !ok {
				return fmt.Errorf("--format %q: want one of %s", format, keys(a.exporters()))
			}
			return writer(cmd, w)
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output file (default standard output)")
	return cmd
}

// exporters are the export formats by name.
func (a *App) exporters() map[string]func(cmd *cobra.Command, w io.Writer) error {
	return map[string]func(*cobra.Command, io.Writer) error{
		"jsonl": func(cmd *cobra.Command, w io.Writer) error { return jsonl.Export(cmd.Context(), a.st, w) },
	}
}
