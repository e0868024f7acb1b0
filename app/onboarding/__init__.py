"""Getting started and the citizen's own situation and wishes: the step guide ("Kom i
gang"), "Min situation" and "Mine ønsker og behov"."""
