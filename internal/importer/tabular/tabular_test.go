package tabular

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/store"
	"github.com/hkin/hkin/internal/store/sqlite"
)

const fixture = "testdata/tenants.csv"

var mapSpec = "name=Company,type=organization,category=Category,alias:zh-Hant=Chinese name,located_in=District,focuses_on=Sector,website=URL,founded=Founded"

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "hkin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestParseMapping(t *testing.T) {
	m, err := ParseMapping("name=Company,type=organization", "located_in='Hong Kong, China',id:ror=ROR")
	if err != nil {
		t.Fatal(err)
	}
	want := Mapping{{Name: "name", Column: "Company"}, {Name: "type", Column: "organization"},
		{Name: "located_in", Literal: "Hong Kong, China"}, {Name: "id:ror", Column: "ROR"}}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("%+v", m)
	}
	for spec, msg := range map[string]string{
		"name=Company":                  "needs at least",
		"name=Company,type=x,likes=Foo": "unknown field",
		"name=Company,type=x,id=Foo":    "id:SCHEME",
		"name,type=x":                   "field=Column",
	} {
		if _, err := ParseMapping(spec); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: error %v, want %q", spec, err, msg)
		}
	}
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	m, err := ParseMapping(mapSpec)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Import(ctx, s, fixture, m, Options{Title: "Tenant list"})
	if err != nil {
		t.Fatal(err)
	}
	// 3 companies (the second Rice Robotics row is the first), 2 districts, 4 sectors
	if c.Rows != 4 || c.Created != 9 || c.Matched != 1 {
		t.Errorf("counts %+v", c)
	}
	page, err := s.Entities(ctx, store.EntityQuery{Search: "Rice Robotics"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entities) != 1 {
		t.Fatalf("Rice Robotics: %+v", page.Entities)
	}
	rice := page.Entities[0]
	if rice.Category != "startup" || rice.Identifiers["website"] != "ricerobotics.com" {
		t.Errorf("rice: %+v", rice)
	}
	sts, _ := s.Statements(ctx, store.StatementQuery{Subjects: []string{rice.ID}})
	var got []string
	for _, st := range sts {
		got = append(got, st.Predicate+" "+st.Object+st.Date)
	}
	want := []string{"located_in sha-tin", "focuses_on robotics", "founded 2019"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	before, _ := s.Stats(ctx)
	if _, err := Import(ctx, s, fixture, m, Options{Title: "Tenant list"}); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Stats(ctx); !reflect.DeepEqual(before, after) {
		t.Errorf("second import changed the store: %+v → %+v", before, after)
	}
}

func TestBadRows(t *testing.T) {
	m, err := ParseMapping(mapSpec)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(fixture)
	tests := []struct {
		name, body string
		m          Mapping
		want       []string
	}{
		{"bad date", strings.Replace(string(data), "2014-02", "Feb 2014", 1), m, []string{"line 3", "founded", "not an ISO date"}},
		{"empty name", string(data) + ",,startup,Tai Po,,,\n", m, []string{"line 6", "name", "empty"}},
		{"bad category", strings.Replace(string(data), "company", "cafe", 1), m, []string{"line 5", "category"}},
		{"missing column", strings.Replace(string(data), "District", "Area", 1), m, []string{"no column \"District\"", "Area"}},
		{"bad quoting", string(data) + "\"Open quote,,startup\n", m, []string{"line 6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t)
			path := filepath.Join(t.TempDir(), "list.csv")
			os.WriteFile(path, []byte(tt.body), 0o644)
			_, err := Import(ctx, s, path, tt.m, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if st, _ := s.Stats(ctx); st.Entities != 0 || st.Sources != 0 {
				t.Errorf("a failed import stored something: %+v", st)
			}
		})
	}
}
