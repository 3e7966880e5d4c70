package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
)

func TestDocuments(t *testing.T) {
	f := newFixture(t)
	text := "Victor Lee, CEO of Rice Robotics, said on Monday that Cyberport will host the company's new lab in Hong Kong."
	body, _ := json.Marshal(map[string]string{"text": text, "published": "2025-05-08", "url": "https://example.org/a", "title": "A"})

	code, ex := f.do(t, "POST", "/api/v1/extract", "", string(body))
	if code != http.StatusOK {
		t.Fatalf("extract: %d %v", code, ex)
	}
	if ents, _ := ex["entities"].([]any); len(ents) == 0 {
		t.Fatalf("extract found no entities: %v", ex)
	}

	if code, _ := f.do(t, "POST", "/api/v1/documents", "", string(body)); code != http.StatusUnauthorized {
		t.Errorf("documents without a token: %d, want 401", code)
	}
	code, res := f.do(t, "POST", "/api/v1/documents", f.write, string(body))
	if code != http.StatusOK {
		t.Fatalf("documents: %d %v", code, res)
	}
	resolved := map[string]bool{}
	for _, id := range res["entities"].(map[string]any) {
		resolved[id.(string)] = true
	}
	for _, want := range []string{"rice-robotics", "cyberport", "victor-lee", "hong-kong"} {
		if !resolved[want] {
			t.Errorf("%s not resolved onto the stored entity: %v", want, res["entities"])
		}
	}
	before, _ := f.st.Stats(context.Background())
	code, again := f.do(t, "POST", "/api/v1/documents", f.write, string(body))
	after, _ := f.st.Stats(context.Background())
	if code != http.StatusOK || again["added"].(float64) != 0 || after.Statements != before.Statements || after.Entities != before.Entities {
		t.Errorf("posting the document again changed the store: %d %v; %+v → %+v", code, again["added"], before, after)
	}

	bad := []struct{ name, body string }{
		{"empty text", `{"text": "  "}`},
		{"bad date", `{"text": "Cyberport opened.", "published": "May 2025"}`},
		{"unknown field", `{"text": "Cyberport opened.", "date": "2025-05-01"}`},
		{"not json", `{"text": `},
	}
	for _, tt := range bad {
		code, out := f.do(t, "POST", "/api/v1/documents", f.write, tt.body)
		if code != http.StatusBadRequest || out["error"] == nil {
			t.Errorf("%s: %d %v, want a 400 JSON error", tt.name, code, out)
		}
	}
	if st, _ := f.st.Stats(context.Background()); st.Statements != after.Statements || st.Sources != after.Sources {
		t.Errorf("rejected documents changed the store: %+v → %+v", after, st)
	}
}

func TestIndicators(t *testing.T) {
	f := newFixture(t)
	body := `{"source": {"kind": "document", "title": "InvestHK", "url": "https://example.org/s", "published": "2024-11-01"},
	  "statements": [
	    {"kind": "metric", "subject": "hong-kong", "predicate": "startup_count", "value": 4257, "unit": "count", "period": "2023"},
	    {"kind": "metric", "subject": "hong-kong", "predicate": "startup_count", "value": 4694, "unit": "count", "period": "2024", "change_percent": 10, "base_period": "2023"}]}`
	if code, out := f.do(t, "POST", "/api/v1/statements", f.write, body); code != http.StatusOK {
		t.Fatalf("adding metrics: %d %v", code, out)
	}
	code, out := f.get(t, "/api/v1/indicators?subject=hong-kong&metric=startup_count")
	if code != http.StatusOK {
		t.Fatalf("%d %v", code, out)
	}
	res := out["results"].([]any)
	if len(res) != 1 {
		t.Fatalf("%d series: %v", len(res), out)
	}
	pts := res[0].(map[string]any)["points"].([]any)
	last := pts[len(pts)-1].(map[string]any)
	if len(pts) != 2 || last["value"].(float64) != 4694 || last["yoy_percent"].(float64) != 10.3 || last["change_percent"].(float64) != 10 {
		t.Errorf("points %v", pts)
	}
	for _, bad := range []string{"/api/v1/indicators?metric=startups", "/api/v1/indicators?subject=nowhere"} {
		if code, out := f.get(t, bad); code < 400 || code >= 500 || out["error"] == nil {
			t.Errorf("%s: %d %v, want a 4xx JSON error", bad, code, out)
		}
	}
}
