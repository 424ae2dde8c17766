// Temporary until the module has sources.
