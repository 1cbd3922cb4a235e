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

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
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
from biofeedback.ui.i18n import translate
from biofeedback.ui.notice_words import notice_words

KINDS = ((SERIAL, QT_TRANSLATE_NOOP("Source", "Serial sensor")),
         (SIMULATED, QT_TRANSLATE_NOOP("Source", "Simulated sensor")),
         (REPLAY, QT_TRANSLATE_NOOP("Source", "Replay a file")), (LSL, QT_TRANSLATE_NOOP("Source", "LSL stream")),
         (BLE, QT_TRANSLATE_NOOP("Source", "Bluetooth strap")))
# the choices' words as lupdate sees them (app/sources.py ARTIFACT_LEVELS, settings SIM_SHAPE_NAMES; a test keeps them equal)
CHOICE_WORDS = (QT_TRANSLATE_NOOP("Source", "none"), QT_TRANSLATE_NOOP("Source", "some (2/min)"),
                QT_TRANSLATE_NOOP("Source", "many (8/min)"), QT_TRANSLATE_NOOP("Source", "classic"),
                QT_TRANSLATE_NOOP("Source", "reflected"), QT_TRANSLATE_NOOP("Source", "dominant-reflected"),
                QT_TRANSLATE_NOOP("Source", "breathing"))


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
    "kind": QT_TRANSLATE_NOOP("Source", "Source"), "port": QT_TRANSLATE_NOOP("Source", "Serial port"), "refresh": QT_TRANSLATE_NOOP("Source", "Refresh the serial ports"),
    "protocol": QT_TRANSLATE_NOOP("Source", "Serial protocol"), "sim_hr": QT_TRANSLATE_NOOP("Source", "Simulated baseline heart rate"),
    "sim_res": QT_TRANSLATE_NOOP("Source", "Simulated resonance rate"), "sim_art": QT_TRANSLATE_NOOP("Source", "Simulated artifacts"), "sim_shape": QT_TRANSLATE_NOOP("Source", "Simulated pulse shape"),
    "path": QT_TRANSLATE_NOOP("Source", "File to replay"), "browse": QT_TRANSLATE_NOOP("Source", "Browse for a file to replay"), "speed": QT_TRANSLATE_NOOP("Source", "Replay speed"),
    "lsl_stream": QT_TRANSLATE_NOOP("Source", "Lab Streaming Layer stream"), "lsl_refresh": QT_TRANSLATE_NOOP("Source", "Find Lab Streaming Layer streams"),
    "ble_strap": QT_TRANSLATE_NOOP("Source", "Bluetooth strap"), "ble_scan": QT_TRANSLATE_NOOP("Source", "Find Bluetooth straps"), "connect_button": QT_TRANSLATE_NOOP("Source", "Connect or disconnect"),
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
            self.kind.addItem(translate("Source", label), key)
        self.stack = QStackedWidget()

        # serial
        self.port = QComboBox()
        self.port.setEditable(True)
        self.port.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _line_edit(self.port).setPlaceholderText(translate("Source", "port, path or pyserial URL (socket://host:port)"))
        self.port.setToolTip(translate("Source", "Pick a port, or type a path or a pyserial URL such as socket://localhost:7000"))
        self.port.setMinimumContentsLength(22)
        self.missing_port: str | None = None
        self.refresh = QPushButton(translate("Source", "Refresh"))
        self.protocol = QComboBox()
        self.protocol.addItems(PROTOCOLS)
        self.refresh.clicked.connect(self.refresh_ports)
        self.stack.addWidget(_row(self.port, self.refresh, _label(translate("Source", "Protocol"), self.protocol), self.protocol))

        # simulated
        self.sim_hr = QDoubleSpinBox(minimum=40, maximum=120, singleStep=1, decimals=0, suffix=" bpm")
        self.sim_res = QDoubleSpinBox(minimum=3.0, maximum=10.0, singleStep=0.5, decimals=1, suffix=translate("Source", " /min"))
        self.sim_art = QComboBox()
        for level in ARTIFACT_LEVELS:
            self.sim_art.addItem(translate("Source", level), level)
        self.sim_shape = QComboBox()
        for shape in SIM_SHAPE_NAMES:
            self.sim_shape.addItem(translate("Source", shape), shape)
        self.sim_shape.setToolTip(translate("Source", "The pulse shape of the simulated finger"))
        self.stack.addWidget(
            _row(_label(translate("Source", "Baseline HR"), self.sim_hr), self.sim_hr, _label(translate("Source", "Resonance"), self.sim_res), self.sim_res,
                 _label(translate("Source", "Artifacts"), self.sim_art), self.sim_art, _label(translate("Source", "Pulse"), self.sim_shape), self.sim_shape)
        )

        # replay
        self.path = QLineEdit()
        self.path.setPlaceholderText("recorded session or data file")
        self.browse = QPushButton(translate("Source", "Browse…"))
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
        self.lsl_refresh = QPushButton(translate("Source", "Find streams"))
        self.lsl_refresh.clicked.connect(self.refresh_lsl)
        self.stack.addWidget(_row(self.lsl_stream, self.lsl_refresh))

        # a Bluetooth heart-rate strap (any with the standard Heart Rate service)
        self.ble_strap = QComboBox()
        self.ble_strap.setEditable(True)
        _line_edit(self.ble_strap).setPlaceholderText("empty: the first strap found")
        self.ble_strap.setMinimumContentsLength(22)
        self.ble_scan = QPushButton(translate("Source", "Find straps"))
        self.ble_scan.clicked.connect(self.scan_straps)
        self.ble_note = QLabel("")
        self.strap_scan_s = STRAP_SCAN_S
        self._straps_found.connect(self._show_straps)
        self.stack.addWidget(_row(self.ble_strap, self.ble_scan, self.ble_note))

        self.connect_button = QPushButton(translate("Source", "Connect"))
        self.connect_button.setCheckable(False)
        self.connect_button.clicked.connect(self._on_button)
        self.connected = False

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(_label(translate("Source", "Sou&rce"), self.kind))
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
            getattr(self, widget).setAccessibleName(translate("Source", name))
        _line_edit(self.port).setAccessibleName(translate("Source", "Serial port"))
        _line_edit(self.lsl_stream).setAccessibleName(translate("Source", "Lab Streaming Layer stream"))
        _line_edit(self.ble_strap).setAccessibleName(translate("Source", "Bluetooth strap address"))

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
            self.sim_shape.setCurrentIndex(self.sim_shape.findData(s.sim_shape))
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
        s.sim_artifacts_per_min = ARTIFACT_LEVELS[self.sim_art.currentData()]
        s.sim_shape = self.sim_shape.currentData()
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
        self.ble_scan.setText(translate("Source", "Scanning…"))
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
        self.ble_note.setText(notice_words(str(error)) if error else "")
        self.ble_note.setWordWrap(True)
        self.ble_scan.setText(translate("Source", "Find straps"))
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
            self.port.insertItem(0, f"{device} — " + translate("Source", "not found"), device)
            i = 0
        if self.port.itemText(i).endswith("— " + translate("Source", "not found")):
            self.missing_port = device
        self.port.setCurrentIndex(i)

    def missing_port_message(self) -> str | None:
        """The "sensor not found" notice when the saved port is not plugged in."""
        if self.missing_port is None:
            return None
        return translate("Source", "Sensor not found at {port}: plug it in and press Refresh, or pick or type "
                         "another port.").format(port=self.missing_port)

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
            self.port.addItem(translate("Source", "no serial ports found"), "")
        self.port.setToolTip("" if ports else notice_words(error or missing_driver_hint()))  # why none, or the bridge drivers
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
        self.connect_button.setText(translate("Source", "Disconnect") if connected else translate("Source", "Connect"))
        why = translate("Source", "Disconnect first to change the source.") if connected else ""
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
        path, _ = QFileDialog.getOpenFileName(self, translate("Source", "Replay a file"))
        if path:
            self.path.setText(path)
