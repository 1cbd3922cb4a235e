"""Source picker: serial port (with device hints) and protocol, simulated sensor, replay, LSL, a strap.

The port field is editable: a listed port, or any path or pyserial URL typed
in (a pty from ``biofeedback simulate``, ``socket://host:port``). A saved port
that is not plugged in stays selected and is labelled "not found" instead of
silently becoming the first port in the list. The strap field works the same
way: "Find straps" scans (off the GUI thread) and lists them by name, signal
strength and address; empty means the first strap found, which is then remembered.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from biofeedback.app.settings import SIM_SHAPE_NAMES, Settings
from biofeedback.app.sources import (
    ARTIFACT_LEVELS,
    BLE,
    LSL,
    PROTOCOLS,
    REPLAY,
    REPLAY_SPEEDS,
    SERIAL,
    SIMULATED,
    STRAP_SCAN_S,
    list_lsl_choices,
    list_port_choices,
    list_strap_choices,
)
from biofeedback.io.ports import missing_driver_hint

KINDS = ((SERIAL, "Serial sensor"), (SIMULATED, "Simulated sensor"), (REPLAY, "Replay a file"),
         (LSL, "LSL stream"), (BLE, "Bluetooth strap"))


def _line_edit(box: QComboBox) -> QLineEdit:
    """The text field of an editable combo box (it has one once ``setEditable(True)``)."""
    edit = box.lineEdit()
    if edit is None:
        raise ValueError("the combo box is not editable")
    return edit


def _label(text: str, buddy: QWidget) -> QLabel:
    """A label tied to its box (a screen reader names the box by it; Alt+letter focuses it)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


ACCESSIBLE_NAMES = {
    "kind": "Source", "port": "Serial port", "refresh": "Refresh the serial ports",
    "protocol": "Serial protocol", "sim_hr": "Simulated baseline heart rate",
    "sim_res": "Simulated resonance rate", "sim_art": "Simulated artifacts", "sim_shape": "Simulated pulse shape",
    "path": "File to replay", "browse": "Browse for a file to replay", "speed": "Replay speed",
    "lsl_stream": "Lab Streaming Layer stream", "lsl_refresh": "Find Lab Streaming Layer streams",
    "ble_strap": "Bluetooth strap", "ble_scan": "Find Bluetooth straps", "connect_button": "Connect or disconnect",
}


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        lay.addWidget(w)
    lay.addStretch(1)
    return box


class SourcePanel(QWidget):
    """Emits ``connect_requested`` / ``disconnect_requested``; edits a Settings in place."""

    connect_requested = Signal()
    disconnect_requested = Signal()
    _straps_found = Signal(list, object)  # (PortChoice list, error text or None), from the scan thread

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.playing = ""  # the stored session replayed from History, while it plays
        self.kind = QComboBox()
        for key, label in KINDS:
            self.kind.addItem(label, key)
        self.stack = QStackedWidget()

        # serial
        self.port = QComboBox()
        self.port.setEditable(True)
        self.port.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _line_edit(self.port).setPlaceholderText("port, path or pyserial URL (socket://host:port)")
        self.port.setToolTip("Pick a port, or type a path or a pyserial URL such as socket://localhost:7000")
        self.port.setMinimumContentsLength(22)
        self.missing_port: str | None = None
        self.refresh = QPushButton("Refresh")
        self.protocol = QComboBox()
        self.protocol.addItems(PROTOCOLS)
        self.refresh.clicked.connect(self.refresh_ports)
        self.stack.addWidget(_row(self.port, self.refresh, _label("Protocol", self.protocol), self.protocol))

        # simulated
        self.sim_hr = QDoubleSpinBox(minimum=40, maximum=120, singleStep=1, decimals=0, suffix=" bpm")
        self.sim_res = QDoubleSpinBox(minimum=3.0, maximum=10.0, singleStep=0.5, decimals=1, suffix=" /min")
        self.sim_art = QComboBox()
        self.sim_art.addItems(list(ARTIFACT_LEVELS))
        self.sim_shape = QComboBox()
        self.sim_shape.addItems(list(SIM_SHAPE_NAMES))
        self.sim_shape.setToolTip("The pulse shape of the simulated finger")
        self.stack.addWidget(
            _row(_label("Baseline HR", self.sim_hr), self.sim_hr, _label("Resonance", self.sim_res), self.sim_res,
                 _label("Artifacts", self.sim_art), self.sim_art, _label("Pulse", self.sim_shape), self.sim_shape)
        )

        # replay
        self.path = QLineEdit()
        self.path.setPlaceholderText("recorded session or data file")
        self.browse = QPushButton("Browse…")
        self.browse.clicked.connect(self._browse)
        self.speed = QComboBox()
        for s in REPLAY_SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.stack.addWidget(_row(self.path, self.browse, _label("Speed", self.speed), self.speed))

        # a Lab Streaming Layer stream of type PPG, RR/IBI or ECG
        self.lsl_stream = QComboBox()
        self.lsl_stream.setEditable(True)
        _line_edit(self.lsl_stream).setPlaceholderText("stream name or source_id, or type:ECG")
        self.lsl_stream.setMinimumContentsLength(22)
        self.lsl_refresh = QPushButton("Find streams")
        self.lsl_refresh.clicked.connect(self.refresh_lsl)
        self.stack.addWidget(_row(self.lsl_stream, self.lsl_refresh))

        # a Bluetooth heart-rate strap (any with the standard Heart Rate service)
        self.ble_strap = QComboBox()
        self.ble_strap.setEditable(True)
        _line_edit(self.ble_strap).setPlaceholderText("empty: the first strap found")
        self.ble_strap.setMinimumContentsLength(22)
        self.ble_scan = QPushButton("Find straps")
        self.ble_scan.clicked.connect(self.scan_straps)
        self.ble_note = QLabel("")
        self.strap_scan_s = STRAP_SCAN_S
        self._straps_found.connect(self._show_straps)
        self.stack.addWidget(_row(self.ble_strap, self.ble_scan, self.ble_note))

        self.connect_button = QPushButton("Connect")
        self.connect_button.setCheckable(False)
        self.connect_button.clicked.connect(self._on_button)
        self.connected = False

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(_label("Sou&rce", self.kind))
        lay.addWidget(self.kind)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.connect_button)
        self.kind.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.kind.currentIndexChanged.connect(self._list_ports_when_shown)
        # the ports are listed when the serial source is chosen (now, or when the user picks it):
        # listing them imports pyserial and reads /dev (~15 ms the window's first paint need not wait)
        self.ports_listed = False
        self._unlisted_port = settings.serial_port  # the saved port, until the ports are listed
        if settings.source_kind == "serial":
            self.refresh_ports()
        self.load(settings)
        for widget, name in ACCESSIBLE_NAMES.items():
            getattr(self, widget).setAccessibleName(name)
        _line_edit(self.port).setAccessibleName("Serial port")
        _line_edit(self.lsl_stream).setAccessibleName("Lab Streaming Layer stream")
        _line_edit(self.ble_strap).setAccessibleName("Bluetooth strap address")

    def tab_order(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them (hidden ones are skipped by Qt)."""
        return [self.kind, self.port, self.refresh, self.protocol, self.sim_hr, self.sim_res, self.sim_art,
                self.sim_shape, self.path, self.browse, self.speed, self.lsl_stream, self.lsl_refresh,
                self.ble_strap, self.ble_scan, self.connect_button]

    def load(self, s: Settings) -> None:
        keys = [k for k, _ in KINDS]
        self.kind.setCurrentIndex(keys.index(s.source_kind) if s.source_kind in keys else 1)
        self.stack.setCurrentIndex(self.kind.currentIndex())
        if s.protocol in PROTOCOLS:
            self.protocol.setCurrentText(s.protocol)
        if self.ports_listed:
            self.select_port(s.serial_port)
        else:
            self._unlisted_port = s.serial_port
        self.sim_hr.setValue(s.sim_hr_bpm)
        self.sim_res.setValue(s.sim_resonance_bpm)
        levels = list(ARTIFACT_LEVELS.values())
        nearest = min(range(len(levels)), key=lambda k: abs(levels[k] - s.sim_artifacts_per_min))
        self.sim_art.setCurrentIndex(nearest)
        if s.sim_shape in SIM_SHAPE_NAMES:
            self.sim_shape.setCurrentText(s.sim_shape)
        self.path.setText(s.replay_path)
        self.lsl_stream.setEditText(s.lsl_stream)
        self.ble_strap.setEditText(s.ble_address)
        j = self.speed.findData(s.replay_speed)
        self.speed.setCurrentIndex(max(j, 0))

    def store(self) -> Settings:
        """Copy the widgets' values into the settings object and return it."""
        s = self.settings
        s.source_kind = self.kind.currentData()
        s.serial_port = self.port_text()
        s.protocol = self.protocol.currentText()
        s.sim_hr_bpm = self.sim_hr.value()
        s.sim_resonance_bpm = self.sim_res.value()
        s.sim_artifacts_per_min = ARTIFACT_LEVELS[self.sim_art.currentText()]
        s.sim_shape = self.sim_shape.currentText()
        s.replay_path = self.path.text().strip()
        s.replay_speed = float(self.speed.currentData())
        i, typed = self.lsl_stream.currentIndex(), self.lsl_stream.currentText().strip()
        listed = i >= 0 and typed == self.lsl_stream.itemText(i)
        s.lsl_stream = (self.lsl_stream.itemData(i) or typed) if listed else typed
        i, typed = self.ble_strap.currentIndex(), self.ble_strap.currentText().strip()
        listed = i >= 0 and typed == self.ble_strap.itemText(i)
        s.ble_address = (self.ble_strap.itemData(i) or typed) if listed else typed
        return s

    def refresh_lsl(self) -> str | None:
        """List the LSL streams a source can read (waits about half a second)."""
        keep = self.lsl_stream.currentText()
        self.lsl_stream.clear()
        choices, error = list_lsl_choices()
        for c in choices:
            self.lsl_stream.addItem(c.label, c.device)
        self.lsl_stream.setEditText(keep if not choices else self.lsl_stream.itemText(0))
        return error

    def scan_straps(self) -> None:
        """Scan for straps in a thread (a few seconds); the list fills in when it ends."""
        self.ble_scan.setEnabled(False)
        self.ble_scan.setText("Scanning…")
        self.ble_note.setText("")
        scan_s = self.strap_scan_s
        threading.Thread(target=lambda: self._straps_found.emit(*list_strap_choices(scan_s)),
                         name="strap scan", daemon=True).start()

    def _show_straps(self, choices: list, error: object) -> None:
        keep = self.ble_strap.currentText()
        self.ble_strap.clear()
        for c in choices:
            self.ble_strap.addItem(c.label, c.device)
        self.ble_strap.setEditText(self.ble_strap.itemText(0) if choices else keep)
        self.ble_note.setText(str(error) if error else "")
        self.ble_note.setWordWrap(True)
        self.ble_scan.setText("Find straps")
        self.ble_scan.setEnabled(True)

    def port_text(self) -> str:
        """The chosen port: the listed device, or the path/URL the user typed (the saved one until the
        ports are listed)."""
        if not self.ports_listed:
            return self._unlisted_port
        i = self.port.currentIndex()
        typed = self.port.currentText().strip()
        if i >= 0 and typed == self.port.itemText(i):
            return self.port.itemData(i) or ""
        return typed

    def select_port(self, device: str) -> None:
        """Select ``device``; a saved port that is not listed is kept and marked "not found"."""
        self.missing_port = None
        if not device:
            return
        i = self.port.findData(device)
        if i < 0:
            if os.path.exists(device) or not device.startswith(("/dev/", "COM")):
                self.port.setEditText(device)  # a URL, or a pty that is not listed: kept as typed
                return
            self.port.insertItem(0, f"{device} — not found", device)
            i = 0
        if self.port.itemText(i).endswith("— not found"):
            self.missing_port = device
        self.port.setCurrentIndex(i)

    def missing_port_message(self) -> str | None:
        """The "sensor not found" notice when the saved port is not plugged in."""
        if self.missing_port is None:
            return None
        return (f"Sensor not found at {self.missing_port}: plug it in and press Refresh, "
                "or pick or type another port.")

    def _list_ports_when_shown(self) -> None:
        if not self.ports_listed and self.kind.currentData() == "serial":
            self.refresh_ports()

    def refresh_ports(self) -> str | None:
        """Re-list serial ports, keeping the chosen one; returns an error message when listing failed."""
        keep = self.port_text() if self.port.count() or not self.ports_listed else self.settings.serial_port
        self.ports_listed = True
        self.port.clear()
        ports, error = list_port_choices()
        for p in ports:
            self.port.addItem(p.label, p.device)
        if not ports:
            self.port.addItem("no serial ports found", "")
        self.port.setToolTip("" if ports else missing_driver_hint())  # Windows/macOS: the bridge drivers
        self.select_port(keep)
        return error

    def show_playing(self, description: str) -> None:
        """A stored session replayed from History: the box shows it (until disconnected)."""
        self.playing = description
        self.kind.setCurrentIndex(self.kind.findData(REPLAY))
        self.path.setText(description)

    def set_connected(self, connected: bool) -> None:
        self.connected = connected
        if not connected and self.playing:
            self.playing = ""
            self.load(self.settings)  # back to the user's own choice (the replay was no file of theirs)
        if not connected and self.settings.ble_address and not self.ble_strap.currentText().strip():
            self.ble_strap.setEditText(self.settings.ble_address)  # the strap found is the one remembered
        self.connect_button.setText("Disconnect" if connected else "Connect")
        why = "Disconnect first to change the source." if connected else ""
        for w in (self.kind, self.stack):
            w.setEnabled(not connected)
            w.setToolTip(why)  # a disabled control says why

    def _on_button(self) -> None:
        if self.connected:
            self.disconnect_requested.emit()
        else:
            self.store()
            self.connect_requested.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Replay a file")
        if path:
            self.path.setText(path)
