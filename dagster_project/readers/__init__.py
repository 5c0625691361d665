"""One reader per input format. Readers are pure: path in, rows and quarantine records out."""
