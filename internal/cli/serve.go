package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/follow"
	"github.com/hkin/hkin/internal/graph"
	"github.com/hkin/hkin/internal/ingest"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/starter"
	"github.com/hkin/hkin/internal/webui"
)

func (a *App) serveCmd() *cobra.Command {
	var addr, pprofAddr string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the API and web UI; an empty database gets the starter network",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.Store(ctx)
			if err != nil {
				return err
			}
			loaded, err := starter.LoadIfEmpty(ctx, s)
			if err != nil {
				return err
			}
			var token string
			if loaded {
				st, _ := s.Stats(ctx)
				a.log.Info("loaded the starter network", "entities", st.Entities, "statements", st.Statements)
				if token, err = api.CreateToken(ctx, s, api.ScopeAdmin, "first start"); err != nil {
					return err
				}
			}
			a.startSearch(ctx, s)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			srv := &http.Server{
				Handler:           a.Handler(),
				ReadHeaderTimeout: 10 * time.Second,
				BaseContext:       func(net.Listener) context.Context { return ctx },
			}
			url := "http://" + ln.Addr().String() + "/"
			a.log.Info("serving", "url", url, "db", a.db)
			if token != "" {
				fmt.Fprintf(a.Err, "\nhkin is serving on %s\nThis first start made an admin token; open this URL to use it (it is shown only once):\n\n    %s?token=%s\n\n", url, url, token)
			}
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			if pprofAddr != "" {
				go a.servePprof(ctx, pprofAddr)
			}
			// keep the graph fresh as statements arrive through this or any other server
			go func() {
				if err := a.graph.Refresh(ctx, s); err != nil {
					a.log.Warn("graph", "err", err)
				}
				from := int64(0)
				if g := a.graph.Get(); g != nil {
					from = g.Seq
				}
				follow.Run(ctx, s, from, time.Second, a.log, func(ctx context.Context, _, _ int64) error { return a.graph.Refresh(ctx, s) })
			}()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			a.log.Info("shutting down")
			shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil {
				return err
			}
			if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&pprofAddr, "pprof", "", "also serve Go's profiler (/debug/pprof/) on this address, e.g. 127.0.0.1:6060; keep it private")
	return cmd
}

// servePprof serves net/http/pprof on its own listener, apart from the API.
func (a *App) servePprof(ctx context.Context, addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	a.log.Info("profiler", "url", "http://"+addr+"/debug/pprof/")
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		a.log.Warn("profiler", "err", err)
	}
}

// Handler is the HTTP handler of `hkin serve`: the API and the web UI.
func (a *App) Handler() http.Handler {
	if a.graph == nil {
		a.graph = &graph.Holder{}
	}
	cfg := api.Config{Store: a.st, Logger: a.log, Version: a.Version,
		Ingest: ingest.New(a.st, &resolve.Resolver{}, a.log), Graph: a.graph, UI: webui.Handler()}
	if a.searchIx != nil {
		cfg.Searcher = a.searchIx
	}
	return api.New(cfg)
}
