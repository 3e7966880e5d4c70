package extract

import (
	"testing"
	"time"
)

func TestFindQuantities(t *testing.T) {
	pub := time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC)
	type q struct {
		value     float64
		unit      string
		qualifier string
		noun      string
	}
	tests := []struct {
		text string
		want []q
	}{
		{"It hosts 15,000 researchers.", []q{{15000, "count", "exact", "researchers"}}},
		{"It now hosts more than 440 companies.", []q{{440, "count", "more_than", "companies"}}},
		{"The workforce approached 18,000 in 2024.", []q{{18000, "count", "about", ""}}},
		{"It earmarked HK$2.84 billion.", []q{{2.84e9, "HKD", "exact", ""}}},
		{"It raised US$30 million.", []q{{3e7, "USD", "exact", ""}}},
		{"a fund of 4.7 billion yuan", []q{{4.7e9, "RMB", "exact", ""}}},
		{"offering 180 million Hong Kong dollars", []q{{1.8e8, "HKD", "exact", ""}}},
		{"The number rose by 10 percent.", []q{{10, "percent", "exact", ""}}},
		{"a 7% increase", []q{{7, "percent", "exact", ""}}},
		{"up 12 per cent", []q{{12, "percent", "exact", ""}}},
		{"within 30 minutes", []q{{30, "minutes", "within", ""}}},
		{"an 87-hectare site", []q{{87, "hectares", "exact", ""}}},
		{"a four-day visit", []q{{4, "days", "exact", ""}}},
		{"a floor area of 50,000 square metres", []q{{50000, "sqm", "exact", ""}}},
		{"3,000 petaflops of computing power", []q{{3000, "petaflops", "exact", ""}}},
		{"up to 200 new engineers", []q{{200, "count", "up_to", "engineers"}}},
		{"In 2024 the park opened.", nil}, // a year is a date, not a quantity
		{"One local startup said so.", nil},
	}
	for _, tt := range tests {
		toks := tokenize(normalizeText(tt.text))
		got := findQuantities(toks, findDates(toks, pub), "HKD")
		if len(got) != len(tt.want) {
			t.Errorf("findQuantities(%q) = %+v, want %+v", tt.text, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.value != w.value || g.unit != w.unit || g.qualifier != w.qualifier || g.noun != w.noun {
				t.Errorf("findQuantities(%q)[%d] = {%v %s %s %q}, want %+v", tt.text, i, g.value, g.unit, g.qualifier, g.noun, w)
			}
		}
	}
}

func TestAcronymOf(t *testing.T) {
	tests := []struct {
		name, abbr string
		want       bool
	}{
		{"Microelectronics Research and Development Institute", "MRDI", true},
		{"Hong Kong Science and Technology Parks Corporation", "HKSTP", true},
		{"Hong Kong Science and Technology Parks Corporation", "HKSTPC", true},
		{"Hong Kong Generative AI Research and Development Centre", "HKGAI", true},
		{"generative artificial intelligence", "AI", false},
		{"Invest Hong Kong", "HKTDC", false},
	}
	for _, tt := range tests {
		if got := acronymOf(tt.name, tt.abbr); got != tt.want {
			t.Errorf("acronymOf(%q, %q) = %v, want %v", tt.name, tt.abbr, got, tt.want)
		}
	}
}
