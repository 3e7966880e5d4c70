package extract

import "strings"

// set builds a lookup table from space-separated words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range words {
		for _, f := range strings.Fields(w) {
			m[f] = true
		}
	}
	return m
}

// headKind is what the last word of a name says about what it names.
type headKind struct {
	Type, Category string
}

// heads maps the last word of a name (lower case) to the type it gives: "Institute" names an
// organisation (research institute), "Park" a facility, "Blueprint" a programme.
var heads = func() map[string]headKind {
	m := map[string]headKind{}
	add := func(typ, cat, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = headKind{typ, cat}
		}
	}
	add("organization", "university", "university universities college polytechnic")
	add("organization", "research_institute", "institute institution academy laboratories observatory")
	add("organization", "government", "bureau commission department ministry council authority government office administration agency secretariat committee legco")
	add("organization", "association", "association federation chamber society alliance union consortium forum club network foundation trust charity")
	add("organization", "investor", "capital ventures venture partners investments investment")
	add("organization", "company", "limited ltd inc corp corporation company co group holdings holding technology technologies tech robotics medical bank biotech biotechnology pharma pharmaceuticals therapeutics labs systems solutions electronics semiconductor semiconductors microelectronics networks software ai dynamics energy motors automotive airlines airways logistics securities insurance properties telecom telecommunications media studio studios games intelligence innovations innovation industries industrial manufacturing healthcare health diagnostics sciences materials robot robots computing cloud digital data fintech enterprises enterprise international global mobility devices instruments")
	add("facility", "", "park parks campus hub tower building plant factory laboratory lab airport terminal station stadium port estate innopark incubator wharf bridge branch offices")
	add("place", "zone", "zone zones area loop metropolis district province city county town village island islands region")
	add("programme", "", "blueprint scheme schemes programme programmes program programs plan plans policy survey report fund funds initiative initiatives strategy strategies address budget roadmap framework index award awards competition challenge festival summit expo conference week guidelines guideline charter project projects ordinance law regulation regulations")
	add("product", "", "model models chip chips chipset platform app application os processor")
	return m
}()

// centreFacilityWords make a "Centre" a facility (AI Supercomputing Centre); otherwise a centre
// is an organisation (a research and development centre).
var centreFacilityWords = set("supercomputing computing data exhibition convention sports cultural incubation innovation shopping trade conference logistics distribution service services visitor operations")

// roleHeads are words that end a role title ("Innovation Secretary", "Chief Executive").
var roleHeads = set("ceo cto cfo coo cio cso director-general secretary-general chairman chairwoman chairperson chair president vice-president founder co-founder cofounder secretary minister director commissioner professor prof executive officer head dean governor mayor premier ambassador consul legislator lawmaker manager partner principal provost vice-chancellor chancellor spokesman spokeswoman spokesperson scientist researcher engineer analyst economist adviser advisor convenor convener member representative deputy undersecretary under-secretary chief leader boss")

// roleModifiers may stand before a role head inside a title ("Chief Executive", "Financial Secretary").
var roleModifiers = set("chief executive vice deputy acting financial innovation technology commerce permanent under senior assistant associate managing general founding honorary interim executive board non-executive independent regional global group country chair co technical operating scientific research")

// titles stand before a person's name.
var titles = set("mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame madam lord ir ir. hon")

// personVerbs follow a person's name: "Lee said".
var personVerbs = set("said says told added noted explained stressed emphasised emphasized believes believed expressed praised highlighted urged warned announced remarked recalled")

// givenNames are common English given names, found before a surname in Hong Kong names (Victor Lee).
var givenNames = set(`aaron adam adrian agnes alan albert alpha alvin amber angel apple ada alex alexander alexandra alfred alice alison allen amanda amy andrew andy angela angus ann anna anne annie anthony antony arthur ben benjamin bernard betty bill billy bob bonnie brian bruce calvin carmen carol caroline carrie cherry catherine cecilia charles charlie charlotte chris christina christine christopher cindy clara clement connie daisy daniel danny david dennis derek diana donald doris dorothy douglas duncan edmund edward edwin eileen elaine eleanor elizabeth ellen emily emma eric erica esther eugene eva evan felix fiona florence frank frankie fred frederick gary george gilbert gloria gordon grace graham gregory hannah harry helen henry herbert howard hugo ian irene isaac ivan jack jackie jacky jacob james jane janet jason jasper jeff jeffrey jennifer jenny jeremy jerry jessica jim jimmy joan joanna joe john johnny jonathan joseph josephine joshua joyce judy julia julian julie justin karen kate katherine kathy keith kelvin ken kenneth kevin kitty lawrence leo leon leonard leslie lily linda lisa louis louise lucy luke maggie margaret maria mark martin mary matthew maurice max michael michelle mike nancy natalie nathan nelson nicholas nick nicole norman oliver oscar patrick paul peggy peter philip phoebe priscilla rachel ray raymond rebecca regina richard rita robert robin roger ronald rose ruby russell ryan sally samantha samuel sandra sarah scott sean sharon shirley simon sophia sophie stanley stella stephanie stephen steve steven stuart sunny susan sylvia terence teresa terry thomas timothy tina tom tommy tony tracy trevor vanessa victor victoria vincent vivian walter wendy william willy winnie yvonne zoe`)

// surnames are common Chinese surnames in their Hong Kong and pinyin spellings.
var surnames = set(`au au-yeung bao cai cao chan chang chau chen cheng cheung chiang chiu choi chong chow chu chui chung dai deng ding dong du fan fang feng fok fong fu fung gao gong gu guan guo han hau he ho hon hong hou hu hua huang hui hung jiang jin kan kang ko kong kot kwan kwok kwong lai lam lau law lee leung li liang liao lin ling liu lo lok lu luk lui luo lv ma mak man mo mok ng ngai pan pang peng poon qian qin qiu shao shek shen shi shiu shum siu so song su sun sze tai tam tan tang tao tian tong tsai tsang tse tsoi tsui tung wan wang wei wen wong woo wu xia xiao xie xu xue yan yang yao ye yeung yim yip yiu yu yuan yue yuen yung zeng zhang zhao zheng zhong zhou zhu zou`)

// functionWords are capitalised at the start of a sentence but never begin a name.
var functionWords = set(`a an the this that these those there here it its it's he she his her him they them their we our us i my me you your
in on at by for from to of with without within into onto upon over under about above below after before during since until till
through throughout across along among amongst around beyond despite following including according regarding between behind
and or but nor so yet also as if while whereas although though because when where whether which who whom whose what how why
however meanwhile moreover furthermore additionally besides instead otherwise thus therefore hence still nevertheless nonetheless
then now today yesterday tomorrow tonight currently recently previously earlier later soon already finally eventually overall
last next first second third another other others some many most more much several few each every all both either neither any
no not such same only just even once again further together separately initially originally altogether
speaking asked describing citing noting adding saying commenting looking turning compared based backed led driven
is are was were be been being has have had do does did will would shall should can could may might must
yes ok okay please thanks welcome dear`)

// commonCaps are capitalised words that are not names by themselves: demonyms, languages,
// generic words seen in titles.
var commonCaps = set(`chinese english american british japanese korean thai singaporean indian european asian african german french italian
russian australian canadian malaysian indonesian vietnamese filipino arab arabic cantonese mandarin putonghua hongkonger hongkongers
western eastern northern southern mainland international national global local municipal provincial central
internet web covid covid-19 pandemic government gov chief executive secretary mr ms mrs dr professor
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
ceo cto cfo coo gdp ipo ipos r&d phd mba sme smes esg it ict stem api gpu gpus cpu cpus ar vr xr b2b b2c saas
series ok q1 q2 q3 q4 h1 h2 am pm ad bc no`)

// months maps month names and abbreviations to their numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps day names to time.Weekday numbers.
var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// smallNumbers are number words.
var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

// scales multiply a number: "4.7 billion".
var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
	"trillion": 1e12, "tn": 1e12,
}
