package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord   = iota // letters and digits, with inner hyphens, apostrophes and initials' dots
	tokNumber        // 15,000 or 2.84
	tokPunct         // one punctuation character
	tokMoney         // a currency prefix: HK$, US$, $, RMB ...
	tokPoss          // the possessive 's
)

// A token is one word, number or punctuation mark of a sentence.
type token struct {
	Text       string
	Lower      string
	Kind       int
	Start, End int // byte offsets in the sentence text
}

// Cap reports whether the token starts with an upper-case letter.
func (t token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// AllCaps reports whether the token is an acronym-like word: two or more letters, all upper case
// (digits and & allowed), such as HKSTP, MRDI, R&D or 5G.
func (t token) AllCaps() bool {
	if t.Kind != tokWord {
		return false
	}
	letters := 0
	for _, r := range t.Text {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r), r == '&', r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// A sentence is a span of the document with its tokens.
type sentence struct {
	Text   string
	Start  int // byte offset in the document
	Tokens []token
}

// abbreviations end with a period that does not end a sentence (compared in lower case, without the dot).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"co": true, "ltd": true, "inc": true, "corp": true, "bros": true, "no": true, "nos": true, "vs": true,
	"etc": true, "e.g": true, "i.e": true, "approx": true, "dept": true, "est": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "gov": true, "govt": true,
	"hon": true, "rev": true, "gen": true, "sen": true, "rep": true, "mt": true, "ft": true,
	"u.s": true, "u.k": true, "p.m": true, "a.m": true, "ph.d": true, "plc": true,
}

// companySuffixes may end a sentence when the next word plainly starts a new one ("... Co. The company").
var companySuffixes = map[string]bool{"co": true, "ltd": true, "inc": true, "corp": true, "plc": true, "etc": true}

// sentenceStarters are words that, after a company suffix's period, show a new sentence began.
var sentenceStarters = map[string]bool{
	"the": true, "it": true, "its": true, "he": true, "she": true, "they": true, "this": true, "that": true,
	"these": true, "those": true, "in": true, "on": true, "at": true, "we": true, "our": true, "his": true,
	"her": true, "their": true, "a": true, "an": true, "but": true, "and": true, "as": true, "since": true,
	"according": true, "meanwhile": true, "however": true,
}

// splitSentences cuts text into sentences at line breaks and at ., ! and ? followed by space and
// an upper-case letter, a digit or an opening quote, unless the period ends an abbreviation or an
// initial (Q.Y. Ma, Co., Ltd., U.S.).
func splitSentences(text string) []sentence {
	var out []sentence
	start := 0
	emit := func(end int) {
		s := text[start:end]
		trim := strings.TrimSpace(s)
		if trim != "" {
			off := start + strings.Index(s, trim)
			out = append(out, sentence{Text: trim, Start: off, Tokens: tokenize(trim)})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A line break ends a paragraph, unless the line is wrapped mid-sentence.
			if i+1 < len(text) && text[i+1] == '\n' || !wrapped(text, i) {
				emit(i)
			}
		case r == '.' || r == '!' || r == '?':
			end := i + size
			// swallow closing quotes and brackets
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '"' || r2 == '\'' || r2 == '’' || r2 == '”' || r2 == ')' {
					end += s2
					continue
				}
				break
			}
			if end < len(text) && (text[end] == ' ' || text[end] == '\t' || text[end] == '\n' || text[end] == '\r') && r == '.' {
				if !endsSentence(text, i, end) {
					i += size
					continue
				}
			}
			if end >= len(text) || unicode.IsSpace(rune(text[end])) {
				if r != '.' && !nextStartsSentence(text, end) {
					i += size
					continue
				}
				emit(end)
				i = end
				continue
			}
		}
		i += size
	}
	emit(len(text))
	return out
}

// wrapped reports whether the line break at i sits inside a sentence (the next line starts in lower case).
func wrapped(text string, i int) bool {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	prev := strings.TrimRight(text[:i], " \t\r")
	if prev == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	return unicode.IsLower(r) && last != '.' && last != ':'
}

// nextStartsSentence reports whether the text after position i begins like a sentence.
func nextStartsSentence(text string, i int) bool {
	j := i
	for j < len(text) && unicode.IsSpace(rune(text[j])) {
		j++
	}
	if j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(", r)
}

// endsSentence decides whether the period at dot (followed by white space at next) ends a sentence.
func endsSentence(text string, dot, next int) bool {
	// the word before the period
	w := dot
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '&' || r == '-' {
			w -= size
			continue
		}
		break
	}
	word := text[w:dot]
	lower := strings.ToLower(word)
	nextWord := firstWord(text[next:])
	if !nextStartsSentence(text, next) {
		return false
	}
	if companySuffixes[lower] {
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	if abbreviations[lower] {
		return false
	}
	// an initial: a single capital letter, or letters joined by dots (Q.Y, U.S)
	if isInitials(word) {
		return false
	}
	return true
}

// isInitials reports whether w is a capital letter or capital letters joined by dots: Q, Q.Y, U.S.
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \t\r\n\"“‘'(")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// currencies are money prefixes, longest first.
var currencies = []string{"HK$", "US$", "NT$", "S$", "A$", "C$", "RMB", "USD", "HKD", "CNY", "EUR", "GBP", "SGD", "JPY", "$", "¥", "€", "£"}

// tokenize splits a sentence into tokens.
func tokenize(s string) []token {
	var toks []token
	add := func(kind, start, end int) {
		t := s[start:end]
		toks = append(toks, token{Text: t, Lower: strings.ToLower(t), Kind: kind, Start: start, End: end})
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		// currency prefixes directly before a digit
		if cur := currencyAt(s, i); cur > 0 {
			add(tokMoney, i, i+cur)
			i += cur
			continue
		}
		// the possessive of a plural or a name ending in s: "Robotics' founder"
		if (r == '\'' || r == '’') && len(toks) > 0 && toks[len(toks)-1].End == i && strings.HasSuffix(toks[len(toks)-1].Lower, "s") &&
			(i+size == len(s) || s[i+size] == ' ') {
			add(tokPoss, i, i+size)
			i += size
			continue
		}
		// possessive 's / ’s
		if (r == '\'' || r == '’') && i+size < len(s) && (s[i+size] == 's' || s[i+size] == 'S') &&
			(i+size+1 == len(s) || !isWordRune(rune(s[i+size+1]))) && len(toks) > 0 && toks[len(toks)-1].End == i {
			add(tokPoss, i, i+size+1)
			i += size + 1
			continue
		}
		if r >= '0' && r <= '9' { // other scripts' digits are read as words below
			j := i
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			// a number glued to letters is a word: 5G, 2nd, V1's digits are handled below
			if j < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) {
					j = wordEnd(s, i)
					add(tokWord, i, j)
					i = j
					continue
				}
			}
			add(tokNumber, i, j)
			i = j
			continue
		}
		if isWordRune(r) {
			j := wordEnd(s, i)
			add(tokWord, i, j)
			i = j
			continue
		}
		add(tokPunct, i, i+size)
		i += size
	}
	return toks
}

// wordEnd returns where the word starting at i ends: letters and digits, with inner hyphens and
// apostrophes, and the dots of initials (Q.Y., U.S.).
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			j += size
			continue
		}
		if (r == '-' || r == '–' || r == '\'' || r == '’' || r == '&') && j+size < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[j+size:])
			if isWordRune(r2) && !((r == '\'' || r == '’') && (r2 == 's' || r2 == 'S') && (j+size+1 == len(s) || !isWordRune(rune(s[j+size+1])))) {
				if r == '&' && !(j > i && unicode.IsUpper(rune(s[j-1]))) {
					break
				}
				j += size
				continue
			}
		}
		if r == '.' && j > i {
			// initials: single letters joined by dots (Q.Y., U.S., e.g.) keep their dots
			single := unicode.IsLetter(rune(s[j-1])) && (j-1 == i || s[j-2] == '.')
			if single {
				if j+2 < len(s) && unicode.IsLetter(rune(s[j+1])) && s[j+2] == '.' {
					j += 2 // ".Y" of Q.Y.
					continue
				}
				if j-1 > i || unicode.IsUpper(rune(s[j-1])) {
					j++ // the closing dot of Q.Y. or of an initial like F.
				}
			}
		}
		break
	}
	return j
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// currencyAt returns the length of a currency prefix at i when a digit follows it, or 0.
func currencyAt(s string, i int) int {
	for _, c := range currencies {
		if strings.HasPrefix(s[i:], c) {
			j := i + len(c)
			for j < len(s) && s[j] == ' ' && len(c) == 3 && c[0] != '$' {
				j++
			}
			if j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if i > 0 && c != "$" && isWordRune(rune(s[i-1])) {
					return 0
				}
				return len(c)
			}
		}
	}
	return 0
}
