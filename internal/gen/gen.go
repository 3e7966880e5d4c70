// Package gen generates a synthetic innovation ecosystem for benchmarks and scale tests: all seven
// entity types, sectors, places in Hong Kong, the mainland and abroad, heavy-tailed degrees (new
// links prefer entities that already have many) and metrics. The same seed gives the same output.
package gen

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/hkin/hkin/internal/jsonl"
	"github.com/hkin/hkin/internal/model"
)

// Config sizes the ecosystem.
type Config struct {
	Entities int    // how many entities in all
	Seed     uint64 // the same seed gives the same ecosystem
}

// the real places and sectors the synthetic ecosystem hangs on
var (
	hkPlaces = []string{"Central and Western", "Wan Chai", "Eastern", "Southern", "Yau Tsim Mong", "Sham Shui Po",
		"Kowloon City", "Wong Tai Sin", "Kwun Tong", "Kwai Tsing", "Tsuen Wan", "Tuen Mun", "Yuen Long", "North",
		"Tai Po", "Sha Tin", "Sai Kung", "Islands"}
	mainlandPlaces = []string{"Shenzhen", "Guangzhou", "Dongguan", "Foshan", "Zhuhai", "Hangzhou", "Ningbo", "Suzhou",
		"Nanjing", "Shanghai", "Beijing", "Tianjin", "Chongqing", "Wuhan", "Chengdu", "Xiamen", "Hefei", "Xi'an"}
	abroad = []string{"Japan", "Thailand", "Singapore", "South Korea", "United States", "United Kingdom", "Germany",
		"France", "Switzerland", "Israel", "Australia", "Canada", "India", "Indonesia", "Malaysia", "Vietnam",
		"Philippines", "United Arab Emirates", "Saudi Arabia", "Netherlands", "Sweden", "Finland", "Brazil", "Mexico"}
	sectors = []string{"artificial intelligence", "generative AI", "semiconductors", "robotics", "advanced manufacturing",
		"biotechnology", "life sciences", "healthtech", "medtech", "fintech", "greentech", "new energy",
		"electric vehicles", "smart city", "data science", "cybersecurity", "blockchain", "web3", "e-commerce",
		"logistics", "proptech", "edtech", "agritech", "materials science", "quantum", "space technology",
		"internet of things", "cloud computing", "gaming", "drones", "autonomous driving", "photonics"}
	syllables = []string{"ar", "bel", "cor", "da", "el", "fin", "gal", "hex", "io", "jun", "kai", "lum", "mo", "nex",
		"or", "pax", "qu", "ro", "syn", "ta", "ul", "vor", "wei", "xin", "yu", "zen", "tek", "nova", "lin", "sun"}
	// the characters that stand for the syllables in an organisation's Chinese name
	hanzi     = []rune("安貝科達怡峰嘉恒宜俊凱朗摩力和百巧榮信泰宇沃偉鑫裕晨德諾林新")
	heads     = []string{"Robotics", "AI", "Technologies", "Biotech", "Labs", "Medical", "Systems", "Semiconductor", "Energy", "Data", "Logistics", "Capital", "Ventures", "Fintech"}
	zhHeads   = []string{"機械人", "人工智能", "科技", "生物科技", "實驗室", "醫療", "系統", "半導體", "能源", "數據", "物流", "資本", "創投", "金融科技"}
	surnames  = []string{"Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Chen", "Li", "Zhang", "Wang", "Liu", "Yang", "Ho", "Tsang", "Lam", "Suzuki", "Tanaka", "Smith", "Patel", "Kim"}
	givens    = []string{"Victor", "Grace", "Alan", "Winnie", "Kelvin", "Joyce", "Eric", "Mandy", "Jason", "Cindy", "Wei", "Ming", "Hui", "Jun", "Yan", "Priya", "Daniel", "Sara", "Ken", "Amy"}
	orgCats   = []string{"startup", "startup", "startup", "startup", "startup", "company", "company", "company", "investor", "research_institute", "association", "university", "government"}
	prodKinds = []string{"Platform", "Robot", "Model", "Chip", "Scanner", "App", "Sensor", "Engine"}
)

// generator holds the state of one run.
type generator struct {
	rng    *rand.Rand
	out    func(jsonl.Line) error
	src    string
	at     time.Time
	n      int
	byType map[string][]string
	// ends lists, by predicate, an entity once per link it is the object of: sampling from it
	// prefers the well linked
	ends      map[string][]string
	kind      map[string]string // entity ID → type
	region    map[string]string // place ID → hk, mainland or abroad
	countries []string          // places new cities are part of
	names     map[string]bool
}

// Write writes the ecosystem as an hkin JSONL dump (see package jsonl) to w.
func Write(ctx context.Context, w io.Writer, cfg Config) error {
	return jsonl.Encode(w, func(put func(jsonl.Line) error) error {
		g := &generator{rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)), out: put,
			at: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), byType: map[string][]string{}, ends: map[string][]string{},
			kind: map[string]string{}, region: map[string]string{}, names: map[string]bool{}}
		return g.run(ctx, max(cfg.Entities, 200))
	})
}

func (g *generator) run(ctx context.Context, total int) error {
	src := model.Source{Kind: model.SourceDataset, Title: "hkin gen synthetic ecosystem", Version: fmt.Sprint(total), RecordedAt: g.at}
	src.ID = model.SourceID(src)
	g.src = src.ID
	if err := g.out(jsonl.Line{Source: &src}); err != nil {
		return err
	}
	// places and sectors first: the fixed frame
	if err := g.places(); err != nil {
		return err
	}
	for _, s := range sectors {
		if _, err := g.entity(model.Sector, "", s); err != nil {
			return err
		}
	}
	for g.n < total {
		if g.n%10000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var err error
		switch r := g.rng.Float64(); {
		case r < 0.62:
			err = g.organization()
		case r < 0.80:
			err = g.person()
		case r < 0.90:
			err = g.product()
		case r < 0.95:
			err = g.facility()
		case r < 0.98:
			err = g.programme()
		default:
			err = g.place()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) entity(typ, cat, name string, aliases ...model.Alias) (string, error) {
	id := model.Slug(name)
	for n := 2; g.names[id]; n++ {
		id = fmt.Sprintf("%s-%d", model.Slug(name), n)
	}
	g.names[id] = true
	e := model.Entity{ID: id, Type: typ, Category: cat, Name: name, Aliases: append([]model.Alias{}, aliases...), Identifiers: map[string]string{}, CreatedAt: g.at}
	g.n++
	g.byType[typ] = append(g.byType[typ], id)
	g.kind[id] = typ
	return id, g.out(jsonl.Line{Entity: &e})
}

func (g *generator) rel(s, p, o string) error {
	if s == "" || o == "" || s == o {
		return nil
	}
	st := model.Statement{Kind: model.KindRelation, Subject: s, Predicate: p, Object: o, SourceID: g.src, RecordedAt: g.at}
	st.ID = model.StatementID(st)
	g.ends[p] = append(g.ends[p], o)
	return g.out(jsonl.Line{Statement: &st})
}

func (g *generator) metric(s, metric, unit, period string, v float64) error {
	st := model.Statement{Kind: model.KindMetric, Subject: s, Predicate: metric, Value: model.NumberValue(v),
		Qualifiers: model.Qualifiers{Unit: unit, Period: period}, SourceID: g.src, RecordedAt: g.at}
	st.ID = model.StatementID(st)
	return g.out(jsonl.Line{Statement: &st})
}

func (g *generator) event(s, kind, date string) error {
	st := model.Statement{Kind: model.KindEvent, Subject: s, Predicate: kind, Qualifiers: model.Qualifiers{Date: date}, SourceID: g.src, RecordedAt: g.at}
	st.ID = model.StatementID(st)
	return g.out(jsonl.Line{Statement: &st})
}

// pick returns an entity of a type, preferring those with many links through predicate p
// half of the time.
func (g *generator) pick(typ, p string) string {
	ids := g.byType[typ]
	if len(ids) == 0 {
		return ""
	}
	if ends := g.ends[p]; len(ends) > 0 && g.rng.IntN(2) == 0 {
		for range 4 {
			id := ends[g.rng.IntN(len(ends))]
			if g.kind[id] == typ {
				return id
			}
		}
	}
	return ids[g.rng.IntN(len(ids))]
}

func (g *generator) places() error {
	if _, err := g.entity(model.Place, "pseudo", "World"); err != nil {
		return err
	}
	china, _ := g.entity(model.Place, "country", "China")
	hk, _ := g.entity(model.Place, "city", "Hong Kong")
	ml, _ := g.entity(model.Place, "region", "Mainland China")
	g.region[hk], g.region[ml] = "hk", "mainland"
	g.countries = append(g.countries, hk, ml)
	g.rel(hk, "part_of", china)
	g.rel(ml, "part_of", china)
	for _, n := range hkPlaces {
		id, _ := g.entity(model.Place, "district", n)
		g.region[id] = "hk"
		g.rel(id, "part_of", hk)
	}
	for _, n := range mainlandPlaces {
		id, _ := g.entity(model.Place, "city", n)
		g.region[id] = "mainland"
		g.rel(id, "part_of", ml)
	}
	for _, n := range abroad {
		id, err := g.entity(model.Place, "country", n)
		if err != nil {
			return err
		}
		g.region[id] = "abroad"
		g.countries = append(g.countries, id)
	}
	return nil
}

// home picks where an entity is: mostly Hong Kong, then the mainland, then abroad.
func (g *generator) home() string {
	for {
		id := g.pick(model.Place, "located_in")
		r := g.region[id]
		switch x := g.rng.Float64(); {
		case r == "hk" && x < 0.6, r == "mainland" && x < 0.3, r == "abroad" && x < 0.15:
			return id
		}
	}
}

func (g *generator) name(parts int) string {
	s, _ := g.names2(parts)
	return s
}

// names2 returns a made-up name and its Chinese form, one character per syllable.
func (g *generator) names2(parts int) (string, string) {
	s, zh := "", ""
	for range parts {
		i := g.rng.IntN(len(syllables))
		s += syllables[i]
		zh += string(hanzi[i])
	}
	return string(s[0]-32) + s[1:], zh
}

func (g *generator) organization() error {
	cat := orgCats[g.rng.IntN(len(orgCats))]
	stem, zh := g.names2(2 + g.rng.IntN(2))
	head := g.rng.IntN(len(heads))
	name, zh := stem+" "+heads[head], zh+zhHeads[head]
	switch cat {
	case "university":
		stem, zh = g.names2(3)
		name, zh = "University of "+stem, zh+"大學"
	case "research_institute":
		stem, zh = g.names2(2)
		name, zh = stem+" Research Institute", zh+"研究院"
	case "government":
		stem, zh = g.names2(2)
		name, zh = stem+" Innovation Office", zh+"創新辦公室"
	case "association":
		stem, zh = g.names2(2)
		name, zh = stem+" Technology Association", zh+"科技協會"
	}
	id, err := g.entity(model.Organization, cat, name, model.Alias{Value: zh, Lang: "zh-Hant"})
	if err != nil {
		return err
	}
	if err := g.rel(id, "located_in", g.home()); err != nil {
		return err
	}
	for range 1 + g.rng.IntN(2) {
		g.rel(id, "focuses_on", g.pick(model.Sector, "focuses_on"))
	}
	switch cat {
	case "startup", "company":
		for range g.rng.IntN(3) {
			g.rel(id, "operates_in", g.pick(model.Place, "operates_in"))
		}
		if g.rng.IntN(3) == 0 {
			g.rel(id, "partners_with", g.pick(model.Organization, "partners_with"))
		}
		if inv := g.pick(model.Organization, "invested_in"); inv != "" && g.rng.IntN(2) == 0 {
			g.rel(inv, "invested_in", id)
		}
		g.event(id, "founded", fmt.Sprint(2000+g.rng.IntN(25)))
		return g.metric(id, "employee_count", "count", "2024", float64(1+g.rng.IntN(500)))
	case "investor":
		for range 1 + g.rng.IntN(4) {
			g.rel(id, "invested_in", g.pick(model.Organization, "located_in"))
		}
	}
	return nil
}

func (g *generator) person() error {
	id, err := g.entity(model.Person, "", givens[g.rng.IntN(len(givens))]+" "+surnames[g.rng.IntN(len(surnames))])
	if err != nil {
		return err
	}
	org := g.pick(model.Organization, "holds_position")
	if g.rng.IntN(3) == 0 {
		g.rel(id, "founded", org)
	}
	return g.rel(id, "holds_position", org)
}

func (g *generator) product() error {
	id, err := g.entity(model.Product, "", g.name(2)+" "+prodKinds[g.rng.IntN(len(prodKinds))])
	if err != nil {
		return err
	}
	g.rel(g.pick(model.Organization, "produces"), "produces", id)
	g.rel(id, "focuses_on", g.pick(model.Sector, "focuses_on"))
	g.event(id, "launched", fmt.Sprintf("%d-%02d", 2015+g.rng.IntN(11), 1+g.rng.IntN(12)))
	return g.rel(id, "operates_in", g.pick(model.Place, "operates_in"))
}

func (g *generator) facility() error {
	id, err := g.entity(model.Facility, "", g.name(2)+" "+[]string{"Science Park", "Innovation Centre", "Lab", "Incubator", "Data Centre"}[g.rng.IntN(5)])
	if err != nil {
		return err
	}
	g.rel(g.pick(model.Organization, "operates"), "operates", id)
	g.rel(id, "located_in", g.home())
	for range g.rng.IntN(6) {
		g.rel(id, "hosts", g.pick(model.Organization, "hosts"))
	}
	return g.metric(id, "company_count", "count", "2024", float64(10+g.rng.IntN(900)))
}

func (g *generator) programme() error {
	id, err := g.entity(model.Programme, "", g.name(2)+" "+[]string{"Fund", "Scheme", "Programme", "Blueprint"}[g.rng.IntN(4)])
	if err != nil {
		return err
	}
	g.rel(g.pick(model.Organization, "publishes"), "publishes", id)
	g.rel(id, "focuses_on", g.pick(model.Sector, "focuses_on"))
	for range 1 + g.rng.IntN(5) {
		g.rel(id, "funds", g.pick(model.Organization, "funds"))
	}
	return nil
}

func (g *generator) place() error {
	id, err := g.entity(model.Place, "city", g.name(2)+" City")
	if err != nil {
		return err
	}
	country := g.countries[g.rng.IntN(len(g.countries))]
	g.region[id] = g.region[country]
	return g.rel(id, "part_of", country)
}
