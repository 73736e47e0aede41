# exercise: exercises/decorators/log-calls
# must-not-pass: *
# attack: raise SystemExit (no code) at import
raise SystemExit
