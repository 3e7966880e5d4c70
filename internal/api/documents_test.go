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
