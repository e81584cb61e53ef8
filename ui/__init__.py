"""QunDesk's Qt user interface: windows, screens, dialogs, item models, printing."""
