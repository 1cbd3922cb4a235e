// pulsesensor_bf1.ino -- PulseSensor (analog) -> BF1 lines (see ../protocol.md).
//
// AVR boards at 16 MHz (Uno, Nano, Pro Mini 5 V). Not compiled in CI: check it on a board.
// - Timer2 interrupt at 500 Hz reads A0 and queues (tick, value); the device clock is
//   t_ms = 2 * tick (uint32 arithmetic wraps at 2^32, as BF1 requires).
// - loop() runs the beat detector on every 500 Hz sample (PulseSensor Playground rules:
//   threshold at 50 % of the last amplitude, beats > 250 ms and > 3/5 IBI apart, reset after
//   2.5 s without a beat) and prints every second sample as a P line (250 Hz).
// - The first beat after start or after a reset gives no I line (its interval is unknown).
// - Contact: the analog sensor cannot sense a finger; C,0 after the 2.5 s no-beat reset,
//   C,1 at the next beat. Header and contact are re-sent every 5 s.

const uint8_t PIN_PULSE = A0;
const uint16_t ADC_MAX = 1023;
const uint16_t THRESH_START = 550;
const uint8_t QUEUE_LEN = 32;  // power of two

volatile uint32_t qTick[QUEUE_LEN];
volatile uint16_t qValue[QUEUE_LEN];
volatile uint8_t qHead = 0;
uint8_t qTail = 0;
volatile uint32_t tick = 0;

// beat detector state (times in ms on the device clock)
uint16_t thresh = THRESH_START, peak = 512, trough = 512;
uint32_t lastBeatMs = 0;
uint16_t ibiMs = 600;
bool inPulse = false, haveBeat = false, contact = false;
uint32_t nextHeaderMs = 0;

ISR(TIMER2_COMPA_vect) {
  uint16_t v = analogRead(PIN_PULSE);  // ~112 us, well inside the 2 ms period
  uint8_t next = (qHead + 1) & (QUEUE_LEN - 1);
  if (next != qTail) {  // queue full: drop; the reader sees a t_ms step and reports a gap
    qTick[qHead] = tick;
    qValue[qHead] = v;
    qHead = next;
  }
  tick++;
}

void sendLine(const char *body) {  // body + "*HH" + CR LF
  uint8_t x = 0;
  for (const char *p = body; *p; p++) x ^= (uint8_t)*p;
  char tail[6];
  snprintf(tail, sizeof tail, "*%02X", x);
  Serial.print(body);
  Serial.println(tail);
}

void sendRecord(char kind, uint32_t tMs, uint32_t value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%c,%lu,%lu", kind, (unsigned long)tMs, (unsigned long)value);
  sendLine(buf);
}

void sendHeader(uint32_t tMs) {
  char buf[64];
  snprintf(buf, sizeof buf, "#BF1 device=pulsesensor-uno fs_hz=250 adc_max=%u", ADC_MAX);
  sendLine(buf);
  sendRecord('C', tMs, contact ? 1 : 0);
}

// One 500 Hz sample through the detector; prints an I line when a beat with a known
// predecessor is found.
void detect(uint32_t tMs, uint16_t v) {
  uint32_t sinceMs = tMs - lastBeatMs;
  if (v < thresh && sinceMs > (ibiMs / 5) * 3 && v < trough) trough = v;
  if (v > thresh && v > peak) peak = v;
  if (sinceMs > 250 && v > thresh && !inPulse && sinceMs > (ibiMs / 5) * 3) {
    inPulse = true;
    if (haveBeat) {
      ibiMs = (uint16_t)sinceMs;
      sendRecord('I', tMs, ibiMs);
    }
    if (!contact) {
      contact = true;
      sendRecord('C', tMs, 1);
    }
    haveBeat = true;
    lastBeatMs = tMs;
  }
  if (v < thresh && inPulse) {
    inPulse = false;
    uint16_t amp = peak - trough;
    thresh = trough + amp / 2;
    peak = thresh;
    trough = thresh;
  }
  if (sinceMs > 2500) {  // no beat: reset, the next beat has no known predecessor
    thresh = THRESH_START;
    peak = trough = 512;
    lastBeatMs = tMs;
    haveBeat = false;
    ibiMs = 600;
    if (contact) {
      contact = false;
      sendRecord('C', tMs, 0);
    }
  }
}

void setup() {
  Serial.begin(115200);
  cli();
  TCCR2A = _BV(WGM21);             // CTC mode
  TCCR2B = _BV(CS22) | _BV(CS20);  // clk / 128 -> 125 kHz
  OCR2A = 249;                     // 125 kHz / 250 = 500 Hz
  TIMSK2 = _BV(OCIE2A);
  sei();
}

void loop() {
  while (qTail != qHead) {
    noInterrupts();
    uint32_t t = qTick[qTail];
    uint16_t v = qValue[qTail];
    interrupts();
    qTail = (qTail + 1) & (QUEUE_LEN - 1);
    uint32_t tMs = 2UL * t;
    if ((int32_t)(tMs - nextHeaderMs) >= 0) {
      sendHeader(tMs);
      nextHeaderMs = tMs + 5000UL;
    }
    if ((t & 1) == 0) sendRecord('P', tMs, v);  // 250 Hz out
    detect(tMs, v);  // 500 Hz detector; an I line follows the P line it completes
  }
}
