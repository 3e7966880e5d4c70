package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/graph"
)

func (a *App) analyzeCmd() *cobra.Command {
	var limit int
	var damping float64
	var filter string
	var k int
	cmd := &cobra.Command{
		Use:   "analyze pagerank|centrality|betweenness|communities|bridges|path FROM TO",
		Short: "Analyse the network: rankings, communities, cross-border bridges, paths",
		Long: "analyze answers what the API's /api/v1/analytics routes and /api/v1/paths answer, on the\n" +
			"network of live entities and current relations; --json prints the API's JSON.",
		Args: cobra.RangeArgs(1, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := url.Values{}
			q.Set("limit", fmt.Sprint(limit))
			if filter != "" {
				q.Set("filter", filter)
			}
			var path string
			switch args[0] {
			case "pagerank":
				path = "/api/v1/analytics/pagerank"
				q.Set("damping", fmt.Sprint(damping))
			case "centrality", "degree":
				path = "/api/v1/analytics/centrality"
			case "betweenness":
				path = "/api/v1/analytics/centrality"
				q.Set("measure", "betweenness")
			case "communities":
				path = "/api/v1/analytics/communities"
			case "bridges":
				path = "/api/v1/analytics/bridges"
			case "path", "paths":
				if len(args) != 3 {
					return fmt.Errorf("analyze path FROM TO: want two entities")
				}
				path = "/api/v1/paths"
				q = url.Values{"from": {args[1]}, "to": {args[2]}, "k": {fmt.Sprint(k)}}
			default:
				return fmt.Errorf("analyze %q: want pagerank, centrality, betweenness, communities, bridges or path", args[0])
			}
			if len(args) > 1 && path != "/api/v1/paths" {
				return fmt.Errorf("analyze %s takes no arguments", args[0])
			}
			st, err := a.Store(cmd.Context())
			if err != nil {
				return err
			}
			h := api.New(api.Config{Store: st, Logger: a.log, Graph: &graph.Holder{}})
			rec := httptest.NewRecorder()
			req := httptest.NewRequestWithContext(cmd.Context(), "GET", path+"?"+q.Encode(), nil)
			h.ServeHTTP(rec, req)
			var out map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				return fmt.Errorf("analyze: %w", err)
			}
			if rec.Code != http.StatusOK {
				if e, ok := out["error"].(map[string]any); ok {
					return fmt.Errorf("%v", e["message"])
				}
				return fmt.Errorf("analyze: status %d", rec.Code)
			}
			if a.JSON() {
				return a.PrintJSON(out)
			}
			a.printAnalysis(args[0], out)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&limit, "limit", 20, "results")
	f.Float64Var(&damping, "damping", 0.85, "PageRank damping factor, between 0 and 1")
	f.StringVar(&filter, "filter", "", "type:, category:, region:hk|mainland|abroad conditions")
	f.IntVar(&k, "k", 3, "paths")
	return cmd
}

func (a *App) printAnalysis(kind string, out map[string]any) {
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	results, _ := out["results"].([]any)
	switch kind {
	case "communities":
		meta := out["meta"].(map[string]any)
		a.Printf("%v communities, modularity %.3f\n", meta["communities"], meta["modularity"])
		for _, r := range results {
			c := r.(map[string]any)
			var names []string
			for _, m := range c["members"].([]any) {
				names = append(names, str(m.(map[string]any), "name"))
			}
			a.Printf("%4v  %5v  %s\n", c["community"], c["size"], strings.Join(names, ", "))
		}
	case "path", "paths":
		for _, r := range results {
			p := r.(map[string]any)
			var b strings.Builder
			for _, s := range p["steps"].([]any) {
				st := s.(map[string]any)
				b.WriteString(str(st, "name"))
				if pred := str(st, "predicate"); pred != "" {
					arrow := " —" + pred + "→ "
					if st["forward"] != true {
						arrow = " ←" + pred + "— "
					}
					b.WriteString(arrow)
				}
			}
			a.Printf("%v hops: %s\n", p["length"], b.String())
		}
		if len(results) == 0 {
			a.Printf("no path\n")
		}
	default:
		for i, r := range results {
			n := r.(map[string]any)
			a.Printf("%3d  %-12.6g %-45s %-13s %s\n", i+1, n["score"], str(n, "name"), str(n, "type"), str(n, "regions"))
		}
	}
}
