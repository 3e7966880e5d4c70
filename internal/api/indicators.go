package api

import (
	"net/http"

	"github.com/hkin/hkin/internal/indicator"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/profile"
)

func (s *Server) indicatorRoutes() []Route {
	return []Route{{Method: "GET", Path: "/api/v1/indicators", Summary: "Metric series: one value per period, year-on-year change, sources and conflicts",
		Params: []Param{
			{Name: "subject", In: "query", Type: "string", Description: "an entity: ID, SCHEME:VALUE or name (default all)"},
			{Name: "metric", In: "query", Type: "string", Description: "a metric name such as startup_count (default all)"},
		}, Response: "IndicatorList", Handle: s.indicators}}
}

func (s *Server) indicators(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var iq indicator.Query
	if v := q.Get("subject"); v != "" {
		e, _, err := profile.Find(r.Context(), s.cfg.Store, v)
		if err != nil {
			return err
		}
		iq.Subject = e.ID
	}
	if v := q.Get("metric"); v != "" {
		if !model.IsMetric(v) {
			return Errorf(http.StatusBadRequest, "bad_parameter", "metric=%q: want one of %v", v, model.Metrics)
		}
		iq.Metric = v
	}
	series, err := indicator.Build(r.Context(), s.cfg.Store, iq)
	if err != nil {
		return err
	}
	return WriteJSON(w, map[string]any{"meta": map[string]any{"count": len(series)}, "results": series})
}
