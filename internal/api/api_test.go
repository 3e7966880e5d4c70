package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/api"
	"github.com/hkin/hkin/internal/graph"
	"github.com/hkin/hkin/internal/ingest"
	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

// fixture serves a small network from a real SQLite file over real HTTP on loopback.
type fixture struct {
	srv          *httptest.Server
	st           store.Store
	write, admin string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	src := model.Source{Kind: model.SourceDocument, Title: "Hong Kong innovation network", Published: "2025-04-30"}
	src.ID = model.SourceID(src)
	ents := []model.Entity{
		{ID: "hong-kong", Type: model.Place, Category: "city", Name: "Hong Kong", Aliases: []model.Alias{{Value: "香港", Lang: "zh-Hant"}}},
		{ID: "japan", Type: model.Place, Category: "country", Name: "Japan"},
		{ID: "thailand", Type: model.Place, Category: "country", Name: "Thailand"},
		{ID: "rice-robotics", Type: model.Organization, Category: "startup", Name: "Rice Robotics"},
		{ID: "cyberport", Type: model.Organization, Category: "park_operator", Name: "Cyberport", Identifiers: map[string]string{"wikidata": "Q1140465"}},
		{ID: "ai-supercomputing-centre", Type: model.Facility, Name: "Cyberport AI Supercomputing Centre"},
		{ID: "hkstp", Type: model.Organization, Category: "park_operator", Name: "Hong Kong Science and Technology Parks Corporation", Identifiers: map[string]string{"ror": "05q8mqd91"}},
		{ID: "victor-lee", Type: model.Person, Name: "Victor Lee"},
	}
	rel := func(s, p, o string) model.Statement {
		return model.Statement{Kind: model.KindRelation, Subject: s, Predicate: p, Object: o, SourceID: src.ID, Evidence: "evidence of " + s + " " + p}
	}
	err = st.Update(ctx, func(w store.Writer) error {
		if err := w.PutSource(ctx, src); err != nil {
			return err
		}
		for _, e := range ents {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		_, err := w.AddStatements(ctx, []model.Statement{
			rel("rice-robotics", "operates_in", "japan"), rel("rice-robotics", "operates_in", "thailand"),
			rel("rice-robotics", "located_in", "hong-kong"), rel("cyberport", "located_in", "hong-kong"),
			rel("hkstp", "located_in", "hong-kong"), rel("cyberport", "operates", "ai-supercomputing-centre"),
			{Kind: model.KindRelation, Subject: "victor-lee", Predicate: "holds_position", Object: "rice-robotics", Qualifiers: model.Qualifiers{Role: "CEO"}, SourceID: src.ID},
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st}
	if f.write, err = api.CreateToken(ctx, st, api.ScopeWrite, "test"); err != nil {
		t.Fatal(err)
	}
	if f.admin, err = api.CreateToken(ctx, st, api.ScopeAdmin, "test"); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(api.New(api.Config{Store: st, Version: "test", Ingest: ingest.New(st, nil, nil), Graph: &graph.Holder{}}))
	t.Cleanup(f.srv.Close)
	return f
}

// do sends a request and decodes the JSON answer.
func (f *fixture) do(t *testing.T, method, path, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusMovedPermanently && !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %s: content type %q", method, path, ct)
	}
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusMovedPermanently {
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	} else {
		out = map[string]any{"location": resp.Header.Get("Location")}
	}
	return resp.StatusCode, out
}

func (f *fixture) get(t *testing.T, path string) (int, map[string]any) {
	return f.do(t, "GET", path, "", "")
}

func ids(v any) []string {
	var out []string
	for _, r := range v.([]any) {
		out = append(out, r.(map[string]any)["id"].(string))
	}
	return out
}

func TestEntitiesList(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		path  string
		count int
		first string
	}{
		{"/api/v1/entities", 8, "cyberport"},
		{"/api/v1/entities?search=Cyberport", 2, "cyberport"},
		{"/api/v1/entities?search=" + url.QueryEscape("香港"), 1, "hong-kong"},
		{"/api/v1/entities?filter=type:organization,category:startup", 1, "rice-robotics"},
		{"/api/v1/entities?filter=type:organization,category:startup|park_operator&sort=-name", 3, "rice-robotics"},
		{"/api/v1/entities?filter=located_in:hong-kong&sort=name", 3, "cyberport"},
		{"/api/v1/entities?sort=-degree", 8, "rice-robotics"},
	}
	for _, tt := range tests {
		status, body := f.get(t, tt.path)
		if status != 200 {
			t.Fatalf("%s: %d %v", tt.path, status, body)
		}
		meta := body["meta"].(map[string]any)
		got := ids(body["results"])
		if int(meta["count"].(float64)) != tt.count || len(got) == 0 || got[0] != tt.first {
			t.Errorf("%s: count %v, results %v; want %d starting with %s", tt.path, meta["count"], got, tt.count, tt.first)
		}
	}
}

func TestEntitiesPaging(t *testing.T) {
	f := newFixture(t)
	seen := map[string]bool{}
	path := "/api/v1/entities?per_page=3&sort=name"
	for range 5 {
		_, body := f.get(t, path)
		for _, id := range ids(body["results"]) {
			if seen[id] {
				t.Fatalf("%s seen twice", id)
			}
			seen[id] = true
		}
		next, _ := body["meta"].(map[string]any)["next_cursor"].(string)
		if next == "" {
			break
		}
		path = "/api/v1/entities?per_page=3&sort=name&cursor=" + url.QueryEscape(next)
	}
	if len(seen) != 8 {
		t.Fatalf("paged through %d entities, want 8", len(seen))
	}
}

func TestGroupBy(t *testing.T) {
	f := newFixture(t)
	_, body := f.get(t, "/api/v1/entities?filter=type:organization&group_by=category")
	groups := body["group_by"].([]any)
	if len(groups) != 2 || groups[0].(map[string]any)["key"] != "park_operator" || groups[0].(map[string]any)["count"].(float64) != 2 {
		t.Fatalf("group_by category: %v", groups)
	}
}

func TestBadRequests(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct{ path, want string }{
		{"/api/v1/entities?filter=type", `"type"`},
		{"/api/v1/entities?filter=colour:red", `"colour"`},
		{"/api/v1/entities?filter=type:robot", `"robot"`},
		{"/api/v1/entities?sort=colour", `"colour"`},
		{"/api/v1/entities?per_page=0", "per_page"},
		{"/api/v1/entities?per_page=100000", "per_page"},
		{"/api/v1/entities?cursor=zzz", "cursor"},
		{"/api/v1/entities?group_by=colour", "colour"},
		{"/api/v1/entities/rice-robotics/graph?depth=9", "depth"},
		{"/api/v1/statements?since=yesterday", "since"},
	} {
		status, body := f.get(t, tt.path)
		e, _ := body["error"].(map[string]any)
		if status != 400 || e == nil || !strings.Contains(e["message"].(string), tt.want) {
			t.Errorf("%s: %d %v; want a 400 naming %s", tt.path, status, body, tt.want)
		}
	}
	for _, path := range []string{"/api/v1/entities/nobody", "/api/v1/entities/ror:nope", "/api/v1/nothing"} {
		if status, body := f.get(t, path); status != 404 || body["error"] == nil {
			t.Errorf("%s: %d %v; want a 404 JSON error", path, status, body)
		}
	}
}

func TestEntityProfile(t *testing.T) {
	f := newFixture(t)
	status, body := f.get(t, "/api/v1/entities/rice-robotics")
	if status != 200 || body["name"] != "Rice Robotics" {
		t.Fatalf("%d %v", status, body)
	}
	sts := body["statements"].([]any)
	if len(sts) != 4 {
		t.Fatalf("%d statements, want 4", len(sts))
	}
	for _, s := range sts {
		st := s.(map[string]any)
		src := st["source"].(map[string]any)
		if src["title"] != "Hong Kong innovation network" || src["kind"] != "document" || st["recorded_at"] == nil {
			t.Errorf("statement without its source: %v", st)
		}
	}
	status, body = f.get(t, "/api/v1/entities/ror:05q8mqd91")
	if status != 200 || body["id"] != "hkstp" {
		t.Fatalf("by ror: %d %v", status, body)
	}
	status, body = f.get(t, "/api/v1/entities/rice-robotics/graph?depth=2")
	if status != 200 || len(body["nodes"].([]any)) != 7 || len(body["edges"].([]any)) != 6 {
		t.Fatalf("graph: %d %v", status, body)
	}
}

func TestMergeRedirects(t *testing.T) {
	f := newFixture(t)
	status, body := f.do(t, "POST", "/api/v1/entities", f.write, `{"type":"organization","name":"Cyberport Ltd","identifiers":{"website":"https://www.cyberport.hk"}}`)
	if status != 201 || body["id"] != "cyberport-ltd" {
		t.Fatalf("create: %d %v", status, body)
	}
	if status, body = f.do(t, "POST", "/api/v1/merges", f.write, `{"from":"cyberport-ltd","into":"cyberport"}`); status != 403 {
		t.Fatalf("merge with a write token: %d %v", status, body)
	}
	if status, body = f.do(t, "POST", "/api/v1/merges", f.admin, `{"from":"cyberport-ltd","into":"cyberport","reason":"same website"}`); status != 200 {
		t.Fatalf("merge: %d %v", status, body)
	}
	status, body = f.get(t, "/api/v1/entities/cyberport-ltd")
	if status != 301 || body["location"] != "/api/v1/entities/cyberport" {
		t.Fatalf("merged ID: %d %v", status, body)
	}
	_, body = f.get(t, "/api/v1/entities/cyberport")
	if body["identifiers"].(map[string]any)["website"] != "https://www.cyberport.hk" || len(body["merged_from"].([]any)) != 1 {
		t.Fatalf("canonical entity lacks the merged one's names: %v", body)
	}
}

func TestWritesNeedTokens(t *testing.T) {
	f := newFixture(t)
	add := `{"statements":[{"subject":"cyberport","predicate":"operates_in","object":"japan","evidence":"typed"}]}`
	for _, tt := range []struct {
		method, path, token, body string
		status                    int
	}{
		{"POST", "/api/v1/statements", "", add, 401},
		{"POST", "/api/v1/statements", "hkin_wrong", add, 401},
		{"POST", "/api/v1/statements", f.write, add, 200},
		{"POST", "/api/v1/statements", f.write, `{"statements":[{"subject":"japan","predicate":"holds_position","object":"cyberport"}]}`, 400},
		{"POST", "/api/v1/statements", f.write, `{"statements":[{"subject":"cyberport","predicate":"operates_in","object":"mars"}]}`, 400},
		{"POST", "/api/v1/statements", f.write, `{"statements": [`, 400},
		{"POST", "/api/v1/statements", f.write, `{"statements":[{"subject":"cyberport","predicate":"operates_in","object":"japan","evidence":"` + strings.Repeat("x", 2<<20) + `"}]}`, 413},
		{"POST", "/api/v1/entities", f.write, `{"type":"robot","name":"R2"}`, 400},
	} {
		status, body := f.do(t, tt.method, tt.path, tt.token, tt.body)
		if status != tt.status || (status >= 400 && body["error"] == nil) {
			t.Errorf("%s %s with %q: %d %v; want %d", tt.method, tt.path, tt.token, status, truncate(body), tt.status)
		}
	}
	// the rejected writes stored nothing; the accepted one is in the changes feed
	_, body := f.get(t, "/api/v1/statements?since=0&limit=100")
	if n := body["meta"].(map[string]any)["count"].(float64); n != 8 {
		t.Fatalf("%v statements, want 8", n)
	}
	next := body["meta"].(map[string]any)["next_cursor"].(string)
	_, body = f.get(t, "/api/v1/statements?since="+next)
	if n := body["meta"].(map[string]any)["count"].(float64); n != 0 {
		t.Fatalf("%v statements after the last, want 0", n)
	}
	// retraction needs admin and shows in the feed
	_, body = f.get(t, "/api/v1/statements?subject=cyberport&predicate=operates_in")
	id := ids(body["results"])[0]
	if status, _ := f.do(t, "DELETE", "/api/v1/statements/"+id, f.write, ""); status != 403 {
		t.Fatalf("retract with write scope: %d", status)
	}
	if status, _ := f.do(t, "DELETE", "/api/v1/statements/"+id, f.admin, ""); status != 200 {
		t.Fatalf("retract: %d", status)
	}
	_, body = f.get(t, "/api/v1/statements?include_retracted=true&since="+next)
	if got := ids(body["results"]); len(got) != 1 || got[0] != id {
		t.Fatalf("retraction not in the feed: %v", got)
	}
}

func truncate(v any) string {
	s := fmt.Sprint(v)
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	f := newFixture(t)
	status, doc := f.get(t, "/api/openapi.json")
	if status != 200 || doc["openapi"] != "3.1.0" {
		t.Fatalf("%d %v", status, doc["openapi"])
	}
	paths := doc["paths"].(map[string]any)
	srv := api.New(api.Config{Store: f.st})
	for _, rt := range srv.Routes() {
		item, ok := paths[rt.Path].(map[string]any)
		if !ok || item[strings.ToLower(rt.Method)] == nil {
			t.Errorf("%s %s is not documented", rt.Method, rt.Path)
			continue
		}
		op := item[strings.ToLower(rt.Method)].(map[string]any)
		params, _ := op["parameters"].([]any)
		for _, p := range rt.Params {
			found := false
			for _, x := range params {
				found = found || x.(map[string]any)["name"] == p.Name
			}
			if !found {
				t.Errorf("%s %s: parameter %s not documented", rt.Method, rt.Path, p.Name)
			}
		}
		if strings.Contains(rt.Path, "{") && len(params) == 0 {
			t.Errorf("%s %s: path parameters not documented", rt.Method, rt.Path)
		}
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	b, _ := json.Marshal(doc)
	for _, m := range strings.Split(string(b), `"$ref":"#/components/schemas/`)[1:] {
		name := m[:strings.Index(m, `"`)]
		if schemas[name] == nil {
			t.Errorf("schema %s is referred to but not defined", name)
		}
	}
}

func TestMetrics(t *testing.T) {
	f := newFixture(t)
	f.get(t, "/api/v1/entities/rice-robotics")
	resp, err := http.Get(f.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), `hkin_http_request_duration_seconds_count{route="GET /api/v1/entities/{id}",status="200"} 1`) {
		t.Fatalf("request not counted:\n%s", b)
	}
}
