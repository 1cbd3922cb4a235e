"""Qt widgets and pyqtgraph views."""
