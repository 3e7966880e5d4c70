// Package api serves hkin's HTTP JSON API (and, through Config.UI, the web UI). Every route is
// declared once in a table that also produces the OpenAPI document, so the document cannot
// miss a route.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/hkin/hkin/internal/graph"
	"github.com/hkin/hkin/internal/ingest"
	"github.com/hkin/hkin/internal/store"
)

// Config is what a server needs. Store is required; the rest is optional.
type Config struct {
	Store   store.Store
	Logger  *slog.Logger
	Version string
	// MaxBody bounds request bodies in bytes (default 1 MiB; documents may be larger, see routes).
	MaxBody int64
	// UI serves every path outside /api and /healthz.
	UI http.Handler
	// Routes are more API routes, added by services outside this package.
	Routes []Route
	// Ingest, when set, serves POST /api/v1/extract and /api/v1/documents.
	Ingest *ingest.Pipeline
	// Graph, when set, serves the analytics, paths and network routes.
	Graph *graph.Holder
	// Searcher, if set, ranks searches and autocomplete (see search.go).
	Searcher Searcher
}

// Handler handles one API request. A returned error becomes a JSON error answer.
type Handler func(w http.ResponseWriter, r *http.Request) error

// Param documents a query or path parameter.
type Param struct {
	Name, In, Description, Type string // In: query or path; Type: string, integer, number, boolean
	Required                    bool
}

// Route is one API route with its documentation.
type Route struct {
	Method, Path string
	Summary      string
	Scope        string // "" for public routes, else "write" or "admin"
	Params       []Param
	Body         string // schema of the request body, in components/schemas
	Response     string // schema of a 200 answer
	MaxBody      int64  // overrides Config.MaxBody
	Handle       Handler
}

// Server is the API.
type Server struct {
	cfg      Config
	log      *slog.Logger
	routes   []Route
	mux      *http.ServeMux
	requests *prometheus.HistogramVec
	an       analytics
}

// New returns the API as an http.Handler.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 1 << 20
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux()}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.requests = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "hkin_http_request_duration_seconds", Help: "HTTP requests by route and status.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	}, []string{"route", "status"})
	reg.MustRegister(s.requests)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	s.routes = append(s.coreRoutes(), s.documentRoutes()...)
	s.routes = append(s.routes, s.indicatorRoutes()...)
	s.routes = append(s.routes, s.analyticsRoutes()...)
	s.routes = append(s.routes, cfg.Routes...)
	s.routes = append(s.routes, Route{Method: "GET", Path: "/api/openapi.json", Summary: "This API's OpenAPI 3.1 document",
		Response: "OpenAPI", Handle: s.openapi})
	for _, rt := range s.routes {
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.Handle("/api/", s.wrap(Route{Handle: func(w http.ResponseWriter, r *http.Request) error {
		return Errorf(http.StatusNotFound, "not_found", "no API route %s %s", r.Method, r.URL.Path)
	}}))
	if cfg.UI != nil {
		s.mux.Handle("/", cfg.UI)
	}
	return s
}

// ServeHTTP logs each request and recovers from panics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
			writeError(rec, Errorf(http.StatusInternalServerError, "internal", "internal error"))
		}
		d := time.Since(start)
		if r.Pattern != "" && r.Pattern != "/" {
			s.requests.WithLabelValues(r.Pattern, strconv.Itoa(rec.status)).Observe(d.Seconds())
		}
		s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", d)
	}()
	s.mux.ServeHTTP(rec, r)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (s *Server) wrap(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.Scope != "" {
			if err := s.authorize(r, rt.Scope); err != nil {
				writeError(w, err)
				return
			}
		}
		if r.Body != nil {
			limit := rt.MaxBody
			if limit == 0 {
				limit = s.cfg.MaxBody
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if err := rt.Handle(w, r); err != nil {
			if status := statusOf(err); status >= 500 {
				s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			writeError(w, err)
		}
	})
}

// writeJSON writes v as an indented JSON answer.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteJSON writes a 200 JSON answer; routes outside this package use it.
func WriteJSON(w http.ResponseWriter, v any) error { return writeJSON(w, http.StatusOK, v) }

// DecodeJSON reads a JSON request body into v, with errors that say what is wrong.
func DecodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return Errorf(http.StatusRequestEntityTooLarge, "too_large", "request body over %d bytes", tooBig.Limit)
		}
		return Errorf(http.StatusBadRequest, "bad_json", "request body: %v", err)
	}
	return nil
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	seq, err := s.cfg.Store.Seq(ctx)
	if err != nil {
		return Errorf(http.StatusServiceUnavailable, "unavailable", "database: %v", err)
	}
	return WriteJSON(w, map[string]any{"status": "ok", "seq": seq, "version": s.cfg.Version})
}

// Routes lists the server's routes (for documentation and tests).
func (s *Server) Routes() []Route { return s.routes }

func pathParams(path string) []string {
	var out []string
	for _, part := range strings.Split(path, "/") {
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			out = append(out, strings.Trim(part, "{}"))
		}
	}
	return out
}
