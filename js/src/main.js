// Entry point of the explorer bundle: loaded on every page, it does work only where an explorer exists.
