{
  "title": "__title__",
  "body": "Reemplace este texto por lo que dice el widget.",
  "toggle": {
    "show": "Mostrar detalles",
    "hide": "Ocultar detalles"
  }
}
