package api_test

import (
	"net/http"
	"testing"
)

func TestAnalytics(t *testing.T) {
	f := newFixture(t)
	code, out := f.get(t, "/api/v1/analytics/pagerank?limit=3&filter=type:organization")
	if code != http.StatusOK || len(out["results"].([]any)) != 3 {
		t.Fatalf("pagerank: %d %v", code, out)
	}
	if top := out["results"].([]any)[0].(map[string]any); top["id"] != "rice-robotics" {
		t.Errorf("top organization by PageRank: %v, want rice-robotics (4 relations)", top["id"])
	}
	code, out = f.get(t, "/api/v1/paths?from=victor-lee&to=japan&k=2")
	if code != http.StatusOK {
		t.Fatalf("paths: %d %v", code, out)
	}
	paths := out["results"].([]any)
	if len(paths) == 0 || paths[0].(map[string]any)["length"].(float64) != 2 {
		t.Fatalf("victor-lee → japan: %v, want a 2-hop path through Rice Robotics", paths)
	}
	steps := paths[0].(map[string]any)["steps"].([]any)
	if s := steps[1].(map[string]any); s["id"] != "rice-robotics" || s["predicate"] != "operates_in" || s["forward"] != true {
		t.Errorf("middle step %v", s)
	}
	code, out = f.get(t, "/api/v1/paths?from=rice-robotics&to=victor-lee&k=1")
	if code != http.StatusOK || len(out["results"].([]any)) != 1 {
		t.Errorf("a path against the relation's direction: %d %v", code, out)
	}
	code, out = f.get(t, "/api/v1/analytics/communities")
	if code != http.StatusOK || out["meta"].(map[string]any)["modularity"] == nil {
		t.Errorf("communities: %d %v", code, out)
	}
	code, out = f.get(t, "/api/v1/analytics/bridges")
	if code != http.StatusOK {
		t.Fatalf("bridges: %d %v", code, out)
	}
	code, out = f.get(t, "/api/v1/network?limit=5")
	if code != http.StatusOK || len(out["nodes"].([]any)) != 5 {
		t.Errorf("network: %d %v", code, out)
	}
	code, out = f.get(t, "/api/v1/analytics/centrality?measure=betweenness&limit=1")
	if code != http.StatusOK || out["results"].([]any)[0].(map[string]any)["id"] != "rice-robotics" {
		t.Errorf("betweenness: %d %v", code, out)
	}
}

func TestAnalyticsBadInput(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		path string
		code int
	}{
		{"/api/v1/analytics/pagerank?damping=1.5", 400},
		{"/api/v1/analytics/pagerank?damping=0", 400},
		{"/api/v1/analytics/pagerank?limit=0", 400},
		{"/api/v1/analytics/pagerank?limit=1000000", 400},
		{"/api/v1/analytics/pagerank?filter=located_in:hong-kong", 400},
		{"/api/v1/analytics/centrality?measure=closeness", 400},
		{"/api/v1/paths?from=rice-robotics&to=rice-robotics", 400},
		{"/api/v1/paths?from=rice-robotics", 400},
		{"/api/v1/paths?from=rice-robotics&to=atlantis", 404},
		{"/api/v1/paths?from=rice-robotics&to=japan&k=50", 400},
	}
	for _, tt := range tests {
		code, out := f.get(t, tt.path)
		if code != tt.code || out["error"] == nil {
			t.Errorf("%s: %d %v, want %d with a JSON error", tt.path, code, out, tt.code)
		}
	}
	// no path is an empty answer, not an error: an island of two entities
	var island []string
	for _, name := range []string{"Island A", "Island B"} {
		code, out := f.do(t, "POST", "/api/v1/entities", f.write, `{"type": "organization", "category": "company", "name": "`+name+`"}`)
		if code != http.StatusOK && code != http.StatusCreated {
			t.Fatalf("create: %d %v", code, out)
		}
		island = append(island, out["id"].(string))
	}
	body := `{"source": {"kind": "edit", "author": "test"}, "statements": [
	  {"kind": "relation", "subject": "` + island[0] + `", "predicate": "partners_with", "object": "` + island[1] + `"}]}`
	if code, out := f.do(t, "POST", "/api/v1/statements", f.write, body); code != http.StatusOK {
		t.Fatalf("statements: %d %v", code, out)
	}
	code, out := f.get(t, "/api/v1/paths?from="+island[0]+"&to=victor-lee")
	if code != http.StatusOK || len(out["results"].([]any)) != 0 {
		t.Errorf("no path: %d %v, want 200 with no results", code, out)
	}
}
