package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/netfile"
)

func (a *App) exportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the database out: jsonl (the dump `hkin import jsonl` reads back), graphml, csv (edges), csv-nodes",
		Long: "export writes the whole database as jsonl, the dump `hkin import jsonl` reads back; or the network\n" +
			"of live entities and current relations as graphml (Gephi, igraph, networkx), csv (one row per relation,\n" +
			"with both ends' names and types) or csv-nodes (one row per entity) for pandas and spreadsheets.",
		Args: cobra.NoArgs,
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
		"jsonl":     func(cmd *cobra.Command, w io.Writer) error { return jsonl.Export(cmd.Context(), a.st, w) },
		"graphml":   a.network((*netfile.Network).WriteGraphML),
		"csv":       a.network((*netfile.Network).WriteEdgesCSV),
		"csv-nodes": a.network((*netfile.Network).WriteNodesCSV),
	}
}

// network returns an exporter that writes the network with write.
func (a *App) network(write func(*netfile.Network, io.Writer) error) func(*cobra.Command, io.Writer) error {
	return func(cmd *cobra.Command, w io.Writer) error {
		n, err := netfile.Read(cmd.Context(), a.st)
		if err != nil {
			return err
		}
		return write(n, w)
	}
}
