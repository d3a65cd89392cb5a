{
  "title": "__title__",
  "body": "Replace this text with what the widget says.",
  "toggle": {
    "show": "Show details",
    "hide": "Hide details"
  }
}
