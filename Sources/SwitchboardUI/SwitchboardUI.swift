// SwitchboardUI module
