package resolve

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"The Hong Kong Polytechnic University", "Hong Kong Polytechnic Univ."},
		{"Rice Robotics Ltd.", "Rice Robotics Limited"},
		{"Acme Co., Ltd.", "ACME"},
		{"Foo Inc", "Foo Corporation"},
		{"Hong Kong Microelectronics R&D Institute", "Hong Kong Microelectronics Research and Development Institute"},
		{"Arts & Crafts Centre", "Arts and Crafts Center"},
		{"HK Science Park", "Hong Kong Science Park"},
		{"Université de Genève", "Universite de Geneve"},
		{"香港科技園公司", "香港科技园公司"},
		{"南方聯合科學研究院有限公司", "南方联合科学研究院"},
		{"Int'l Finance Corp.", "International Finance"},
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", tt.a, ka, tt.b, kb)
		}
	}
	for _, pair := range [][2]string{
		{"Hong Kong University of Science and Technology", "Hong Kong University of Science and Technology (Guangzhou)"},
		{"Limited", "Ltd"}, // a suffix alone is kept
		{"Bank of China", "Bank of China (Hong Kong) Limited"},
	} {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q: want different", pair[0], pair[1], Key(pair[0]))
		}
	}
}

func TestScripts(t *testing.T) {
	if got := Simplified("香港科技園"); got != "香港科技园" {
		t.Errorf("Simplified = %q", got)
	}
	if got := Traditional("香港科技园"); got != "香港科技園" {
		t.Errorf("Traditional = %q", got)
	}
	if got := Simplified("Cyberport"); got != "Cyberport" {
		t.Errorf("Simplified changed Latin text: %q", got)
	}
}

func TestAcronyms(t *testing.T) {
	tests := map[string][]string{
		"Hong Kong Science and Technology Parks Corporation":            {"hkstp", "stp"},
		"Hong Kong University of Science and Technology":                {"hkust", "ust"},
		"Chinese University of Hong Kong":                               {"cuhk"},
		"Hong Kong Microelectronics Research and Development Institute": {"hkmrdi", "mrdi"},
		"Cyberport": nil,
		"香港科技園":     nil,
	}
	for name, want := range tests {
		if got := Acronyms(name); !reflect.DeepEqual(got, want) {
			t.Errorf("Acronyms(%q) = %v, want %v", name, got, want)
		}
	}
	for s, want := range map[string]bool{"HKSTP": true, "PolyU": true, "D²4H": true, "Cyberport": false, "Hong Kong": false, "A": false} {
		if LooksLikeAcronym(s) != want {
			t.Errorf("LooksLikeAcronym(%q) = %v", s, !want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"robotics", "robotics", true},
		{"robotics", "robotcs", true},   // a letter left out
		{"robotics", "robottics", true}, // one added
		{"robotics", "robotiks", true},  // one replaced
		{"robotics", "rootbics", false},
		{"robotics", "robtoics", true}, // neighbours swapped
		{"robotics", "rbootisc", false},
		{"robotics", "robot", false},
		{"ab", "ba", true},
		{"université", "universite", true},
		{"université", "univesité", true},
		{"université", "unievrsité", true},
		{"université", "unvesité", false},
		{"university", "univeristy", true}, {"university", "universty", true}, {"science", "sciense", true},
		{"science", "scientist", false}, {"abcde", "edcba", false},
	}
	for _, tt := range tests {
		if got := OneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := OneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func org(id, name string, aliases ...string) model.Entity {
	e := model.Entity{ID: id, Type: model.Organization, Name: name, Identifiers: map[string]string{}}
	for _, a := range aliases {
		kind := ""
		if LooksLikeAcronym(a) {
			kind = "acronym"
		}
		e.Aliases = append(e.Aliases, model.Alias{Value: a, Kind: kind})
	}
	return e
}

func TestScore(t *testing.T) {
	hkstp := org("hkstp", "Hong Kong Science and Technology Parks Corporation", "HKSTP", "香港科技园公司")
	hkstp.Identifiers["ror"] = "05q8mqd91"
	tests := []struct {
		name    string
		in      model.Entity
		min     float64 // the score is at least this
		max     float64 // and at most this
		feature string  // a feature that must be listed
	}{
		{"same identifier", model.Entity{Type: model.Organization, Name: "Whatever", Identifiers: map[string]string{"ror": "05q8mqd91"}}, 1, 1, "identifier ror:05q8mqd91"},
		{"other identifier", model.Entity{Type: model.Organization, Name: "Hong Kong Science and Technology Parks Corporation", Identifiers: map[string]string{"ror": "000000000"}}, 0, 0, ""},
		{"exact alias", org("", "HKSTP"), 1, 1, "name"},
		{"traditional script", org("", "香港科技園公司"), 0.95, 0.95, "name across Chinese scripts"},
		{"legal suffix", org("", "The Hong Kong Science & Technology Parks Corp."), 0.95, 0.95, "normalised name"},
		{"typo", org("", "Hong Kong Sciense and Technology Parks"), Threshold, 1, "similar name"},
		{"other type", model.Entity{Type: model.Facility, Name: "HKSTP"}, 0, 0, ""},
		{"unrelated", org("", "Cyberport"), 0, 0, ""},
		{"shared common words only", org("", "Hong Kong Productivity Council"), 0, ReviewFloor, ""},
	}
	target := NewProfile(hkstp)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Score(NewProfile(tt.in), target)
			if m.Score < tt.min || m.Score > tt.max {
				t.Fatalf("score %v (%v), want %v..%v", m.Score, m.Features, tt.min, tt.max)
			}
			if tt.feature != "" && !strings.HasPrefix(m.Reason(), tt.feature) && !strings.Contains(m.Reason(), tt.feature) {
				t.Fatalf("features %v, want %q", m.Features, tt.feature)
			}
		})
	}
	// an acronym the target does not list as an alias still points to it, below the threshold
	bare := NewProfile(org("hkust", "Hong Kong University of Science and Technology"))
	m := Score(NewProfile(org("", "HKUST")), bare)
	if m.Score < ReviewFloor || m.Score >= Threshold {
		t.Errorf("acronym score %v (%v), want review band", m.Score, m.Features)
	}
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, s store.Store, es ...model.Entity) {
	t.Helper()
	ctx := context.Background()
	if err := s.Update(ctx, func(w store.Writer) error {
		for _, e := range es {
			if err := w.PutEntity(ctx, e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestResolverAgainstStore(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	hkstp := org("hkstp", "Hong Kong Science and Technology Parks Corporation", "HKSTP", "香港科技园公司")
	hkstp.Identifiers["ror"] = "05q8mqd91"
	hkust := org("hkust", "Hong Kong University of Science and Technology", "HKUST")
	mrdi := org("mrdi", "Hong Kong Microelectronics Research and Development Institute", "MRDI")
	hkPlace := model.Entity{ID: "hong-kong", Type: model.Place, Category: "city", Name: "Hong Kong"}
	put(t, s, hkstp, hkust, mrdi, hkPlace)

	tests := []struct {
		name  string
		in    model.Entity
		index bool
		want  string
	}{
		{"identifier", model.Entity{Type: model.Organization, Name: "x", Identifiers: map[string]string{"ror": "05q8mqd91"}}, false, "hkstp"},
		{"alias", org("", "HKSTP"), false, "hkstp"},
		{"traditional Chinese", org("", "香港科技園公司"), false, "hkstp"},
		{"abbreviated", org("", "Hong Kong Microelectronics R&D Institute"), false, "mrdi"},
		{"place", model.Entity{Type: model.Place, Name: "Hong Kong"}, false, "hong-kong"},
		{"place of another category", model.Entity{Type: model.Place, Category: "country", Name: "Hong Kong"}, false, "hong-kong"},
		{"organisation is not a place", org("", "Hong Kong"), false, ""},
		{"legal suffix needs the index", org("", "Hong Kong Science and Technology Parks Corp Ltd"), true, "hkstp"},
		{"typo needs the index", org("", "Hong Kong Univeristy of Science and Technology"), true, "hkust"},
		{"unknown", org("", "Rice Robotics"), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := &Resolver{}
			if tt.index {
				ix, err := BuildIndex(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				rs.Index = ix
			}
			got, err := rs.Resolve(ctx, s, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				m, _ := rs.Match(ctx, s, tt.in)
				t.Fatalf("got %q, want %q (best %+v)", got, tt.want, m)
			}
		})
	}

	// a merged entity resolves to the one it was merged into
	dup := org("hkstp-2", "HK Science & Technology Parks")
	put(t, s, dup)
	if err := s.Update(ctx, func(w store.Writer) error {
		return w.Merge(ctx, store.Merge{From: "hkstp-2", Into: "hkstp", Reason: "test"})
	}); err != nil {
		t.Fatal(err)
	}
	if got, err := (&Resolver{}).Resolve(ctx, s, org("", "HK Science & Technology Parks")); err != nil || got != "hkstp" {
		t.Fatalf("after merge: %q, %v", got, err)
	}
}

func TestIndexPairs(t *testing.T) {
	ix := NewIndex()
	ix.Add(org("a", "Rice Robotics Limited"))
	ix.Add(org("b", "Rice Robotics"))
	ix.Add(org("c", "Rice Robotics Group"))
	ix.Add(org("d", "Hong Kong Productivity Council"))
	ix.Add(org("e", "HKPC"))
	other := org("f", "Rice Robotics")
	other.Identifiers["ror"] = "1"
	other2 := org("g", "Rice Robotics")
	other2.Identifiers["ror"] = "2"
	ix.Add(other)
	ix.Add(other2)
	pairs, err := ix.Pairs(context.Background(), ReviewFloor)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, p := range pairs {
		got[p.A+"-"+p.B] = p.Match.Score
	}
	if got["a-b"] < Threshold {
		t.Errorf("a-b = %v, want a merge", got["a-b"])
	}
	if s := got["b-c"]; s < ReviewFloor || s >= Threshold {
		t.Errorf("b-c = %v, want review", s)
	}
	if s := got["d-e"]; s < ReviewFloor || s >= Threshold {
		t.Errorf("d-e = %v, want review (acronym)", s)
	}
	if _, ok := got["f-g"]; ok {
		t.Errorf("f-g hold different ROR IDs but paired: %v", got)
	}
}
