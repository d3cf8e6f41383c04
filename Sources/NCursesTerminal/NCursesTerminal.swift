// NCursesTerminal module
