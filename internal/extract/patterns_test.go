package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// facts renders a result as lines such as "Victor Lee holds_position Rice Robotics [CEO]",
// "event HKGAI V1 launched 2025-02", "metric Hong Kong Park company_count 440 count more_than".
func facts(r *Result) []string {
	name := map[string]string{}
	for _, e := range r.Entities {
		name[e.ID] = e.Name
	}
	var out []string
	for _, x := range r.Relations {
		s := name[x.Subject] + " " + x.Predicate + " " + name[x.Object]
		if x.Role != "" {
			s += " [" + x.Role + "]"
		}
		out = append(out, s)
	}
	for _, e := range r.Events {
		out = append(out, "event "+name[e.Subject]+" "+e.Kind+" "+e.Date)
	}
	for _, m := range r.Metrics {
		s := "metric " + name[m.Subject] + " " + m.Metric
		if m.Value != nil {
			s += fmt.Sprintf(" %v %s %s", *m.Value, m.Unit, m.Qualifier)
		}
		if m.ChangePercent != nil {
			s += fmt.Sprintf(" change %v", *m.ChangePercent)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestPatterns(t *testing.T) {
	x := New(nil)
	tests := []struct {
		name string
		text string
		want []string // facts that must be found
		not  []string // facts that must not be
	}{
		{"role after name", "Grace Chan, CEO of Nimbus Robotics, spoke on Monday.",
			[]string{"Grace Chan holds_position Nimbus Robotics [CEO]"}, nil},
		{"organisation before role", "Nimbus Robotics chief executive Grace Chan spoke.",
			[]string{"Grace Chan holds_position Nimbus Robotics [chief executive]"}, nil},
		{"possessive role", "Nimbus Robotics' founder Grace Chan spoke.",
			[]string{"Grace Chan holds_position Nimbus Robotics [founder]"}, nil},
		{"government post", "Financial Secretary Paul Chan Mo-po visited Tai Po in Hong Kong.",
			[]string{"Paul Chan Mo-po holds_position Hong Kong [Financial Secretary]", "Paul Chan Mo-po visited Tai Po"}, nil},
		{"appositive lower-case role", "Winnie Tang, an adjunct professor at the University of Hong Kong, disagreed.",
			[]string{"Winnie Tang holds_position University of Hong Kong [adjunct professor]"}, nil},
		{"founded by", "Nimbus Robotics was founded by Grace Chan in 2019.",
			[]string{"Grace Chan founded Nimbus Robotics", "event Nimbus Robotics founded 2019"}, nil},
		{"based in", "Nimbus Robotics is based in Kwun Tong.",
			[]string{"Nimbus Robotics located_in Kwun Tong"}, nil},
		{"X-based", "Shenzhen-based Orbit Semiconductor signed a deal.",
			[]string{"Orbit Semiconductor located_in Shenzhen"}, nil},
		{"place descriptor", "Hong Kong fintech start-up Ledgerly raised US$5 million from Horizon Capital.",
			[]string{"Ledgerly located_in Hong Kong", "Ledgerly focuses_on fintech", "Horizon Capital invested_in Ledgerly", "metric Ledgerly funding 5e+06 USD exact"}, nil},
		{"partnered", "Cyberport partnered with Alibaba Cloud and Huawei last year.",
			[]string{"Cyberport partners_with Alibaba", "Cyberport partners_with Huawei"}, nil},
		{"signed agreements", "HKSTP and Tencent signed a memorandum of understanding.",
			[]string{"Hong Kong Science and Technology Parks Corporation partners_with Tencent"}, nil},
		{"operates", "The Data Technology Hub is run by the Hong Kong Science and Technology Parks Corporation.",
			[]string{"Hong Kong Science and Technology Parks Corporation operates Data Technology Hub"}, nil},
		{"hosts", "The Hong Kong Science Park hosts Orbit Semiconductor.",
			[]string{"Hong Kong Science Park hosts Orbit Semiconductor"}, nil},
		{"operates in", "Nimbus Robotics was set up in 2019. Its robots serve hospitals in Singapore and Malaysia.",
			[]string{"Nimbus Robotics operates_in Singapore", "Nimbus Robotics operates_in Malaysia"}, nil},
		{"operates in with subject", "Nimbus Robotics now operates in Singapore and Malaysia.",
			[]string{"Nimbus Robotics operates_in Singapore", "Nimbus Robotics operates_in Malaysia"}, nil},
		{"made in and shipped", "Nimbus Medical makes MRI scanners. Its scanners are built in Tai Po and shipped globally.",
			[]string{"Nimbus Medical located_in Tai Po", "Nimbus Medical exports_to World"}, nil},
		{"focuses on", "The Nano and Advanced Materials Institute focuses on new materials and semiconductors.",
			[]string{"Nano and Advanced Materials Institute focuses_on new materials", "Nano and Advanced Materials Institute focuses_on semiconductors"}, nil},
		{"publishes", "The Startup Survey was released by InvestHK.",
			[]string{"Invest Hong Kong publishes Startup Survey"}, nil},
		{"invested in", "Horizon Capital invested HK$50 million in Nimbus Robotics.",
			[]string{"Horizon Capital invested_in Nimbus Robotics", "metric Horizon Capital investment 5e+07 HKD exact"}, nil},
		{"visit with duration", "During his three-day visit to Guangdong, Chief Executive John Lee toured factories. Hong Kong firms joined him.",
			[]string{"John Lee visited Guangdong", "John Lee holds_position Hong Kong [Chief Executive]"}, nil},
		{"launch of, month before publication", "March saw the launch of the Nimbus X2 robot.",
			[]string{"event Nimbus X2 launched 2025-03"}, nil},
		{"opened, year", "In 2023, the Orbit Research Institute opened.",
			[]string{"event Orbit Research Institute opened 2023"}, nil},
		{"future is no event", "The Orbit Research Institute will open in 2026.",
			nil, []string{"event Orbit Research Institute opened 2026"}},
		{"hosts counts", "The Hong Kong Science Park now hosts more than 1,700 companies and 800 startups.",
			[]string{"metric Hong Kong Science Park company_count 1700 count more_than", "metric Hong Kong Science Park startup_count 800 count exact"}, nil},
		{"change without value", "The number of startups in Hong Kong rose by 12 percent from 2023.",
			[]string{"metric Hong Kong startup_count change 12"}, nil},
		{"fall", "Revenue at Nimbus Robotics fell 5 percent to HK$80 million.",
			[]string{"metric Nimbus Robotics revenue 8e+07 HKD exact change -5"}, nil},
		{"deal counts are no holdings", "HKSTP signed agreements with 10 companies.",
			nil, []string{"metric Hong Kong Science and Technology Parks Corporation company_count 10 count exact"}},
		{"area", "The Lok Ma Chau Loop, an 87-hectare site, lies next to Shenzhen.",
			[]string{"metric Lok Ma Chau Loop area 87 hectares exact"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := x.Extract(context.Background(), tt.text, "2025-04-30")
			if err != nil {
				t.Fatal(err)
			}
			got := facts(r)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("missing %q\n in %s", w, strings.Join(got, "\n    "))
				}
			}
			for _, n := range tt.not {
				if contains(got, n) {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}

func TestEntities(t *testing.T) {
	x := New([]Known{{ID: "k1", Type: "organization", Category: "startup", Name: "Qubit Labs", Aliases: []string{"QL"}}})
	text := "Victor Lee of Qubit Labs met officials in Sha Tin. Lee said the city's startups grew. " +
		"The Microelectronics Research and Development Institute (MRDI) opened. MRDI hired engineers. " +
		"According to the latest InvestHK Startup Survey, growth continued in artificial intelligence (AI)."
	r, err := x.Extract(context.Background(), text, "2025-04-30")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Entity{}
	for _, e := range r.Entities {
		byName[e.Name] = e
	}
	check := func(name, typ string) Entity {
		t.Helper()
		e, ok := byName[name]
		if !ok {
			t.Errorf("no entity %q in %+v", name, r.Entities)
			return e
		}
		if e.Type != typ {
			t.Errorf("%s: type %s, want %s", name, e.Type, typ)
		}
		return e
	}
	check("Victor Lee", "person")
	if e := check("Qubit Labs", "organization"); e.KnownID != "k1" {
		t.Errorf("Qubit Labs: KnownID %q, want k1", e.KnownID)
	}
	check("Sha Tin", "place")

	mrdi := check("Hong Kong Microelectronics Research and Development Institute", "organization")
	if !contains(mrdi.Aliases, "MRDI") {
		t.Errorf("MRDI aliases: %q", mrdi.Aliases)
	}
	check("InvestHK Startup Survey", "programme")
	check("Invest Hong Kong", "organization")
	check("artificial intelligence", "sector")
	for _, e := range r.Entities {
		if e.Name == "Lee" || e.Name == "MRDI" || e.Name == "According" || e.Name == "city" {
			t.Errorf("unexpected entity %q", e.Name)
		}
	}
	if len(r.Entities) != 7 {
		t.Errorf("%d entities, want 7: %+v", len(r.Entities), r.Entities)
	}
}

func TestExtractErrors(t *testing.T) {
	x := New(nil)
	ctx := context.Background()
	if _, err := x.Extract(ctx, "", ""); err != ErrEmpty {
		t.Errorf("empty: %v", err)
	}
	if _, err := x.Extract(ctx, "Hong Kong grew.", "30/04/2025"); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("bad date: %v", err)
	}
	r, err := x.Extract(ctx, "Hong Kong grew in February.", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entities) != 1 || r.Relations == nil || r.Events == nil || r.Metrics == nil {
		t.Errorf("result %+v: want one entity and empty (not null) lists", r)
	}
}

// A registry's acronym does not turn a product line into that organisation ("MRI machines" is
// not the Medical Research Institute), but the acronym alone still names it.
func TestKnownAcronymBeforeProductNoun(t *testing.T) {
	x := New([]Known{{ID: "k1", Type: "organization", Category: "facility", Name: "Medical Research Institute", Aliases: []string{"MRI"}}})
	for _, tt := range []struct{ text, name, typ, known string }{
		{"Q.Y. Ma of Time Medical said his MRI machines are built in Tai Po.", "MRI machines", "product", ""},
		{"Researchers at the MRI published the study.", "Medical Research Institute", "organization", "k1"},
	} {
		r, err := x.Extract(context.Background(), tt.text, "2025-04-30")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range r.Entities {
			if e.Name == tt.name {
				found = true
				if e.Type != tt.typ || e.KnownID != tt.known {
					t.Errorf("%q: %s known %q, want %s known %q", tt.name, e.Type, e.KnownID, tt.typ, tt.known)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q in %+v", tt.text, tt.name, r.Entities)
		}
	}
}

// FuzzExtract checks that any text is read without a panic and that what comes out passes the
// extraction contract's own checks.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Victor Lee, CEO of Rice Robotics, said the company will open an office in Tokyo.",
		"Startups rose by 10 percent from 2023 to 4,694, InvestHK said on Tuesday.",
		"第１研究所 (MRI) signed HK$2.84 billion deals with Q.Y. Ma's Co., Ltd. in 2024.",
	} {
		f.Add(s)
	}
	x := New([]Known{{ID: "k1", Type: "organization", Name: "Medical Research Institute", Aliases: []string{"MRI"}}})
	f.Fuzz(func(t *testing.T, s string) {
		if CheckText(s) != nil {
			return
		}
		if _, err := x.Extract(context.Background(), s, "2025-04-30"); err != nil {
			t.Fatalf("Extract(%q): %v", s, err)
		}
	})
}
