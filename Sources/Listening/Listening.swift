// Listening module
