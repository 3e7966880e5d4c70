// Package cli is hkin's command line: one file per command, all sharing the App they are
// built with. Every flag can also be set by an HKIN_* environment variable (--db by HKIN_DB,
// --addr by HKIN_ADDR).
package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hkin/hkin/internal/graph"
	"github.com/hkin/hkin/internal/search"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/backend"
)

// App is what every command shares: the flags, the output and the store.
type App struct {
	Version string
	Out     io.Writer
	Err     io.Writer

	db       string
	json     bool
	logLevel string
	log      *slog.Logger
	st       store.Store
	graph    *graph.Holder // the network the server analyses, kept fresh
	searchIx *search.Index // set by serve: the API's search index
}

// Run runs hkin with the command-line arguments args and closes what it opened.
func Run(ctx context.Context, version string, args []string, stdout, stderr io.Writer) error {
	a := &App{Version: version, Out: stdout, Err: stderr}
	defer a.Close()
	root := a.Root()
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}

// Root returns the hkin command with all its subcommands.
func (a *App) Root() *cobra.Command {
	root := &cobra.Command{
		Use:           "hkin",
		Short:         "hkin maps the Hong Kong innovation network as a sourced knowledge graph",
		Long:          "hkin ingests articles and open datasets into a knowledge graph of the Hong Kong innovation network,\nkeeps every fact with its source, and answers search, profile, network and indicator queries.",
		Version:       a.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := applyEnv(cmd); err != nil {
				return err
			}
			var level slog.Level
			if err := level.UnmarshalText([]byte(a.logLevel)); err != nil {
				return fmt.Errorf("--log-level %q: want debug, info, warn or error", a.logLevel)
			}
			a.log = slog.New(slog.NewTextHandler(a.Err, &slog.HandlerOptions{Level: level}))
			return nil
		},
	}
	root.SetOut(a.Out)
	root.SetErr(a.Err)
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", "hkin.db", "database: a SQLite file path or a postgres:// URL")
	pf.BoolVar(&a.json, "json", false, "print JSON (reading commands)")
	pf.StringVar(&a.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	root.AddCommand(
		a.serveCmd(),
		a.showCmd(),
		a.searchCmd(),
		a.statsCmd(),
		a.exportCmd(),
		a.importCmd(),
		a.tokenCmd(),
		a.genCmd(),
		a.migrateCmd(),
		a.extractCmd(),
		a.ingestCmd(),
		a.analyzeCmd(),
		a.resolveCmd(),
	)
	return root
}

// applyEnv sets every flag not given on the command line from HKIN_<FLAG> when that is set.
func applyEnv(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Changed || err != nil {
			return
		}
		name := "HKIN_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(name); ok {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("%s=%q: %w", name, v, e)
			}
		}
	})
	return err
}

// Store opens the database once per run.
func (a *App) Store(ctx context.Context) (store.Store, error) {
	if a.st != nil {
		return a.st, nil
	}
	s, err := backend.Open(ctx, a.db)
	if err != nil {
		return nil, err
	}
	a.st = s
	return s, nil
}

// Close closes the store if a command opened it.
func (a *App) Close() error {
	if a.st == nil {
		return nil
	}
	return a.st.Close()
}

// Logger is the run's logger.
func (a *App) Logger() *slog.Logger { return a.log }

// JSON reports whether --json was given.
func (a *App) JSON() bool { return a.json }

// PrintJSON writes v as indented JSON to standard output.
func (a *App) PrintJSON(v any) error {
	enc := json.NewEncoder(a.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Printf writes to standard output.
func (a *App) Printf(format string, args ...any) { fmt.Fprintf(a.Out, format, args...) }
