package cli

import (
	"bufio"
	"os"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/gen"
)

func (a *App) genCmd() *cobra.Command {
	var cfg gen.Config
	var out string
	cmd := &cobra.Command{
		Use:   "gen --entities N [--seed S] --out FILE.jsonl",
		Short: "Generate a synthetic ecosystem (a JSONL dump for `hkin import jsonl`) for benchmarks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := a.Out
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				bw := bufio.NewWriterSize(f, 1<<20)
				defer bw.Flush()
				w = bw
			}
			return gen.Write(cmd.Context(), w, cfg)
		},
	}
	cmd.Flags().IntVar(&cfg.Entities, "entities", 10000, "how many entities")
	cmd.Flags().Uint64Var(&cfg.Seed, "seed", 1, "random seed: the same seed gives the same ecosystem")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output file (default standard output)")
	return cmd
}
