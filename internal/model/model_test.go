package model

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateStatement(t *testing.T) {
	types := map[string]string{"rice": Organization, "japan": Place, "victor": Person, "ai": Sector, "park": Facility}
	typeOf := func(id string) (string, bool) { t, ok := types[id]; return t, ok }
	ten := 10.0
	tests := []struct {
		name  string
		st    Statement
		field string // "" means valid
	}{
		{"relation ok", Statement{Kind: KindRelation, Subject: "rice", Predicate: "operates_in", Object: "japan", SourceID: "s"}, ""},
		{"unknown predicate", Statement{Kind: KindRelation, Subject: "rice", Predicate: "likes", Object: "japan", SourceID: "s"}, "predicate"},
		{"forbidden types", Statement{Kind: KindRelation, Subject: "japan", Predicate: "holds_position", Object: "rice", SourceID: "s"}, "predicate"},
		{"symmetric either way", Statement{Kind: KindRelation, Subject: "japan", Predicate: "partners_with", Object: "rice", SourceID: "s"}, ""},
		{"dangling subject", Statement{Kind: KindRelation, Subject: "nobody", Predicate: "operates_in", Object: "japan", SourceID: "s"}, "subject"},
		{"dangling object", Statement{Kind: KindRelation, Subject: "rice", Predicate: "operates_in", Object: "mars", SourceID: "s"}, "object"},
		{"no source", Statement{Kind: KindRelation, Subject: "rice", Predicate: "operates_in", Object: "japan"}, "source"},
		{"event ok", Statement{Kind: KindEvent, Subject: "park", Predicate: "completed", Qualifiers: Qualifiers{Date: "2025-03"}, SourceID: "s"}, ""},
		{"event bad date", Statement{Kind: KindEvent, Subject: "park", Predicate: "completed", Qualifiers: Qualifiers{Date: "March"}, SourceID: "s"}, "date"},
		{"event bad kind", Statement{Kind: KindEvent, Subject: "park", Predicate: "exploded", Qualifiers: Qualifiers{Date: "2025"}, SourceID: "s"}, "kind"},
		{"metric ok", Statement{Kind: KindMetric, Subject: "japan", Predicate: "startup_count", Value: NumberValue(4694), Qualifiers: Qualifiers{Unit: "count"}, SourceID: "s"}, ""},
		{"metric change only", Statement{Kind: KindMetric, Subject: "japan", Predicate: "startup_count", Qualifiers: Qualifiers{Unit: "count", ChangePercent: &ten}, SourceID: "s"}, ""},
		{"metric unknown", Statement{Kind: KindMetric, Subject: "japan", Predicate: "happiness", Value: NumberValue(1), Qualifiers: Qualifiers{Unit: "count"}, SourceID: "s"}, "metric"},
		{"metric no unit", Statement{Kind: KindMetric, Subject: "japan", Predicate: "startup_count", Value: NumberValue(1), SourceID: "s"}, "unit"},
		{"metric text value", Statement{Kind: KindMetric, Subject: "japan", Predicate: "startup_count", Value: TextValue("many"), Qualifiers: Qualifiers{Unit: "count"}, SourceID: "s"}, "value"},
		{"unknown kind", Statement{Kind: "rumour", Subject: "rice", SourceID: "s"}, "kind"},
		{"attribute ok", Statement{Kind: KindAttribute, Subject: "rice", Predicate: "description", Value: TextValue("robots"), SourceID: "s"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateStatement(tt.st, typeOf)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("want error on field %q, got %v", tt.field, err)
			}
		})
	}
}

func TestValidateEntity(t *testing.T) {
	tests := []struct {
		e     Entity
		field string
	}{
		{Entity{ID: "a", Type: Organization, Category: "startup", Name: "A"}, ""},
		{Entity{ID: "a", Type: "company", Name: "A"}, "type"},
		{Entity{ID: "a", Type: Organization, Category: "cafe", Name: "A"}, "category"},
		{Entity{ID: "a", Type: Organization, Name: " "}, "name"},
		{Entity{ID: "", Type: Organization, Name: "A"}, "id"},
		{Entity{ID: "a", Type: Place, Name: "A", Identifiers: map[string]string{"ror:x": "1"}}, "identifiers"},
	}
	for _, tt := range tests {
		err := ValidateEntity(tt.e)
		var fe *FieldError
		if tt.field == "" && err != nil || tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field) {
			t.Errorf("%+v: want field %q, got %v", tt.e, tt.field, err)
		}
	}
}

func TestStatementIDIgnoresEvidenceAndTime(t *testing.T) {
	a := Statement{Kind: KindRelation, Subject: "a", Predicate: "operates_in", Object: "b", SourceID: "s", Evidence: "x"}
	b := a
	b.Evidence = "y"
	if StatementID(a) != StatementID(b) {
		t.Fatal("evidence changed the ID")
	}
	b.SourceID = "t"
	if StatementID(a) == StatementID(b) {
		t.Fatal("another source gave the same ID")
	}
	if !strings.HasPrefix(StatementID(a), "st_") {
		t.Fatal(StatementID(a))
	}
}

func TestNormAndSlug(t *testing.T) {
	for in, want := range map[string]string{
		"The Hong Kong Science Park": "hong kong science park",
		"Cyberport’s AI Centre":      "cyberport ai centre",
		"Q.Y. Ma":                    "q y ma",
		"香港科技園":                      "香港科技園",
		"  Café  Ltd. ":              "cafe ltd",
	} {
		if got := NormName(in); got != want {
			t.Errorf("NormName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Rice Robotics": "rice-robotics", "R&D Centre": "r-d-centre", "香港": ""} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
