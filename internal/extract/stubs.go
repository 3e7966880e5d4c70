package extract

func (d *doc) addRefs(si int)        {}
func (d *doc) relations() []Relation { return nil }
func (d *doc) events() []Event       { return nil }
func (d *doc) metrics() []Metric     { return nil }
