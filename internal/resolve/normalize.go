package resolve

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"github.com/hkin/hkin/internal/model"
)

// converters turn traditional Chinese (with Hong Kong variants) into simplified and back. The
// dictionaries are embedded in the OpenCC port, so they load without a network; loading takes
// about 50 ms, done once, on first use. They are read-only after loading.
type converters struct {
	toSimplified, toTraditional *opencc.OpenCC
	err                         error
}

var loadConverters = sync.OnceValue(func() converters {
	var c converters
	c.toSimplified, c.err = opencc.New("hk2s")
	if c.err == nil {
		c.toTraditional, c.err = opencc.New("s2hk")
	}
	return c
})

// HasHan reports whether s holds a Han (Chinese) character.
func HasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Simplified returns s with traditional Chinese characters in their simplified form
// (香港科技園 → 香港科技园). Text without Han characters comes back unchanged.
func Simplified(s string) string {
	if !HasHan(s) {
		return s
	}
	c := loadConverters()
	if c.err != nil {
		return s
	}
	out, err := c.toSimplified.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// Traditional returns s with simplified Chinese characters in their traditional (Hong Kong)
// form (香港科技园 → 香港科技園). Text without Han characters comes back unchanged.
func Traditional(s string) string {
	if !HasHan(s) {
		return s
	}
	c := loadConverters()
	if c.err != nil {
		return s
	}
	out, err := c.toTraditional.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// abbreviations expands common short forms in organisation names.
var abbreviations = map[string][]string{
	"univ": {"university"}, "uni": {"university"},
	"inst": {"institute"}, "instit": {"institute"},
	"tech": {"technology"}, "technol": {"technology"},
	"intl": {"international"}, "int'l": {"international"},
	"natl": {"national"}, "nat'l": {"national"},
	"dept": {"department"}, "govt": {"government"}, "gov": {"government"},
	"assoc": {"association"}, "assn": {"association"},
	"ctr": {"center"}, "cntr": {"center"}, "centre": {"center"}, "centres": {"centers"},
	"sci": {"science"}, "hosp": {"hospital"}, "lab": {"laboratory"}, "labs": {"laboratories"},
	"mgmt": {"management"}, "acad": {"academy"}, "coll": {"college"},
	"hk": {"hong", "kong"}, "hksar": {"hong", "kong"}, "prc": {"china"},
	"r&d": {"research", "and", "development"}, "&": {"and"}, "+": {"and"},
}

// legalSuffixes are words of a company's legal form, dropped at the end of a name.
var legalSuffixes = map[string]bool{
	"limited": true, "ltd": true, "co": true, "company": true, "inc": true, "incorporated": true,
	"corporation": true, "corp": true, "llc": true, "llp": true, "lp": true, "plc": true, "gmbh": true,
	"ag": true, "sa": true, "bv": true, "nv": true, "pte": true, "pty": true, "sdn": true, "bhd": true,
	"kk": true, "srl": true, "spa": true, "ab": true, "oy": true, "as": true,
}

// hanLegalSuffixes end Chinese company names (in simplified script).
var hanLegalSuffixes = []string{"股份有限公司", "有限责任公司", "有限公司"}

// words splits a name into lower-case words: Unicode compatibility forms and diacritics folded
// (model.NormName), Chinese in simplified script, each Han run one word.
func words(name string) []string {
	s := name
	if HasHan(s) {
		s = Simplified(s)
	}
	s = strings.ReplaceAll(s, "'l ", "l ") // Int'l, Nat'l
	return strings.Fields(model.NormName(s))
}

// keyWords are the words of a name's key: abbreviations expanded, "&" read as "and", legal
// suffixes dropped from the end.
func keyWords(name string) []string { return keyWordsOf(words(name)) }

func keyWordsOf(ws []string) []string {
	var out []string
	for _, w := range ws {
		if x, ok := abbreviations[w]; ok {
			out = append(out, x...)
			continue
		}
		if strings.Contains(w, "&") {
			parts := strings.Split(w, "&")
			for i, p := range parts {
				if i > 0 {
					out = append(out, "and")
				}
				if p != "" {
					out = append(out, p)
				}
			}
			continue
		}
		out = append(out, w)
	}
	for len(out) > 1 && legalSuffixes[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	if n := len(out); n > 0 && HasHan(out[n-1]) {
		for _, suf := range hanLegalSuffixes {
			if t, ok := strings.CutSuffix(out[n-1], suf); ok && t != "" {
				out[n-1] = t
				break
			}
		}
	}
	return out
}

// Key folds a name for matching across spellings and scripts: case, punctuation, diacritics and
// a leading "The" are dropped (model.NormName); traditional Chinese becomes simplified;
// abbreviations are expanded (Univ → university, HK → hong kong, R&D → research and
// development, & → and, Centre → center); legal suffixes (Ltd, Limited, Co., Inc, Corporation,
// 有限公司) are dropped from the end. Two names with one key name the same thing.
func Key(name string) string { return strings.Join(keyWords(name), " ") }

// stopWords carry no weight in a name.
var stopWords = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "in": true, "at": true, "on": true, "to": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "der": true, "und": true, "y": true, "a": true,
}

// commonWords appear in many organisation names and weigh less when comparing them.
var commonWords = map[string]bool{
	"hong": true, "kong": true, "china": true, "chinese": true, "university": true, "institute": true,
	"research": true, "center": true, "college": true, "school": true, "group": true, "holdings": true,
	"international": true, "national": true, "technology": true, "technologies": true, "science": true,
	"sciences": true, "association": true, "foundation": true, "council": true, "society": true,
	"hospital": true, "department": true, "laboratory": true, "bank": true, "academy": true,
	"industrial": true, "development": true, "engineering": true, "medical": true, "health": true,
	"management": true, "services": true, "service": true, "trust": true, "fund": true, "company": true,
	"limited": true, "government": true, "state": true, "city": true, "key": true, "office": true,
	"centers": true, "global": true, "asia": true, "pacific": true, "new": true, "general": true,
	"studies": true, "education": true, "museum": true, "library": true, "agency": true, "ministry": true,
	"authority": true, "commission": true, "committee": true, "network": true, "systems": true,
	"park": true, "parks": true, "corporation": true, "public": true, "private": true,
}

// wordWeight is how much a word counts when comparing names.
func wordWeight(w string) float64 {
	switch {
	case stopWords[w]:
		return 0
	case commonWords[w]:
		return 0.3
	case HasHan(w):
		return 0.5 // a Han bigram
	}
	return 1
}

// Tokens returns the comparison tokens of a name: the words of its key, and for Chinese the
// character bigrams (a single character stands alone), each once.
func Tokens(name string) []string { return tokensOf(keyWords(name)) }

func tokensOf(kws []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, w := range kws {
		if !HasHan(w) {
			add(w)
			continue
		}
		for _, b := range Bigrams(w) {
			add(b)
		}
	}
	return out
}

// Bigrams returns the overlapping two-character pieces of a word (a one-character word is its
// own piece): 香港科技 → 香港, 港科, 科技.
func Bigrams(w string) []string {
	rs := []rune(w)
	if len(rs) < 2 {
		return []string{w}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// Acronyms returns the acronyms a name may be written as, lower case: the initials of its
// significant words (stop words and legal suffixes left out), and the same without a leading
// "Hong Kong" (Hong Kong University of Science and Technology → hkust, ust). A name of fewer than
// two significant words, or in Chinese, has none.
func Acronyms(name string) []string {
	if HasHan(name) {
		return nil
	}
	return acronymsOf(words(name))
}

func acronymsOf(ws []string) []string {
	ws = append([]string(nil), ws...)
	for len(ws) > 1 && legalSuffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	var initials []byte
	for _, w := range ws {
		if stopWords[w] || w == "&" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			initials = append(initials, byte(r))
		}
	}
	if len(initials) < 2 {
		return nil
	}
	out := []string{string(initials)}
	if len(ws) > 2 && ws[0] == "hong" && ws[1] == "kong" && len(initials) > 3 {
		out = append(out, string(initials[2:]))
	}
	return out
}

// LooksLikeAcronym reports whether a name is written as an acronym: one word of two to ten
// characters, mostly capital letters (HKSTP, HKUST, PolyU, D²4H).
func LooksLikeAcronym(name string) bool {
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, " \t") || HasHan(name) {
		return false
	}
	n, upper := 0, 0
	for _, r := range name {
		n++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	return n >= 2 && n <= 10 && upper >= 2 && (upper*2 > n || unicode.IsUpper(last))
}

// Website folds a web address for comparison: no scheme, no "www.", no trailing slash, lower
// case (https://www.HKSTP.org/ → hkstp.org).
func Website(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	for _, p := range []string{"https://", "http://"} {
		u = strings.TrimPrefix(u, p)
	}
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimRight(u, "/")
}

// Forms are the folded forms of one name, computed together.
type Forms struct {
	Norm     string   // model.NormName of the name in simplified script
	Key      string   // Key
	Tokens   []string // Tokens
	Acronyms []string // Acronyms
	Han      bool     // the name is Chinese
}

// Analyze returns every folded form of a name at the cost of one.
func Analyze(name string) Forms {
	ws := words(name)
	kws := keyWordsOf(ws)
	f := Forms{Norm: strings.Join(ws, " "), Key: strings.Join(kws, " "), Tokens: tokensOf(kws), Han: HasHan(name)}
	if !f.Han {
		f.Acronyms = acronymsOf(ws)
	}
	return f
}
