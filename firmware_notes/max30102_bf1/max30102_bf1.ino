// max30102_bf1.ino -- MAX30102 pulse-oximeter module on I2C -> BF1 lines (see ../protocol.md).
//
// AVR boards at 16 MHz (Uno, Nano). Built and run on a simulated Uno in CI (tests/firmware/).
// Needs only the Wire library that comes with the Arduino core: the driver below is ~70 lines.
// - Sensor: SpO2 mode (red + IR LEDs), 400 samples/s averaged by 4 -> 100 samples/s into the
//   chip's 32-sample FIFO, 18-bit ADC (pulse width 411 us), FIFO rollover off.
// - Clock: the sensor's own sample clock. t_ms advances 10 ms per FIFO sample, and by 10 ms per
//   sample the chip lost (OVF_COUNTER), so a FIFO overflow shows as a t_ms step. OVF_COUNTER
//   saturates at 31; when it does, the lost count is estimated from the board's micros().
// - Output: every sample as a P line, upright: value = 262143 - raw IR. The raw IR count falls
//   at systole (more blood absorbs more light); BF1 P values rise with blood volume.
// - Beats: the upright IR minus its running mean (time constant 1.3 s, started from the mean of
//   the first second with a finger) through PulseSensor
//   Playground rules (threshold at 50 % of the last amplitude, beats > 250 ms and > 0.7 IBI
//   apart, reset after 2.5 s without a beat). An I line's t_ms is the upstroke's threshold
//   crossing (10 ms resolution), not the systolic peak; see ../README.md for its accuracy.
// - Contact: raw IR >= 50000 -> finger on. After contact returns the detector is held for 1 s
//   so the step back is never taken for a beat. The first beat after boot or after C,0 gives
//   no I line. Header and contact state at boot and every 5 s.
// - The FIFO is read every 20 ms (2 samples; it holds 320 ms); the CPU sleeps (idle) in between.

#include <Wire.h>
#include <avr/sleep.h>

const uint8_t MAX_ADDR = 0x57;  // 7-bit I2C address
const uint8_t REG_FIFO_WR_PTR = 0x04, REG_FIFO_DATA = 0x07, REG_FIFO_CONFIG = 0x08;
const uint8_t REG_MODE_CONFIG = 0x09, REG_SPO2_CONFIG = 0x0A, REG_LED1_PA = 0x0C;
const uint8_t REG_LED2_PA = 0x0D, REG_PART_ID = 0xFF;
const uint8_t PART_ID = 0x15;
const uint8_t FIFO_DEPTH = 32, OVF_SATURATED = 31;
const uint8_t BYTES_PER_SAMPLE = 6;  // red then IR, 3 bytes each, 18 bits left in bits 17..0
const uint8_t SAMPLES_PER_READ = 5;  // 30 bytes: fits the Wire library's 32-byte buffer

const uint32_t ADC_MAX = 262143;  // 18-bit
const uint32_t NO_FINGER_IR = 50000;
const uint32_t SAMPLE_MS = 10;
const uint32_t SAMPLE_US = 10000;
const uint32_t POLL_US = 20000;
const uint16_t SETTLE_MS = 1000;
const uint16_t NO_BEAT_MS = 2500;

uint32_t tMs = 0;  // time of the next FIFO sample on the sensor clock
uint32_t lastReadUs = 0, lastPollUs = 0;
uint32_t nextHeaderMs = 0;
bool contact = false;
uint32_t contactSinceMs = 0;

// beat detector state (ac values in ADC counts around the running mean)
int32_t dcQ7 = 0;  // running mean * 128
bool dcReady = false;
int32_t settleSum = 0;  // samples of the settling second (100 x 18 bit fits)
uint16_t settleN = 0;
int32_t thresh = 0, peak = 0, trough = 0;
uint32_t lastBeatMs = 0;
uint16_t ibiMs = 600;
bool inPulse = false, haveBeat = false;

// -- MAX30102 driver over Wire --------------------------------------------------------
bool maxWrite(uint8_t reg, uint8_t value) {
  Wire.beginTransmission(MAX_ADDR);
  Wire.write(reg);
  Wire.write(value);
  return Wire.endTransmission() == 0;
}

bool maxRead(uint8_t reg, uint8_t *buf, uint8_t n) {
  Wire.beginTransmission(MAX_ADDR);
  Wire.write(reg);
  if (Wire.endTransmission(false) != 0) return false;  // repeated start, no STOP
  if (Wire.requestFrom(MAX_ADDR, n) != n) return false;
  for (uint8_t i = 0; i < n; i++) buf[i] = (uint8_t)Wire.read();
  return true;
}

bool maxBegin() {
  uint8_t id = 0;
  if (!maxRead(REG_PART_ID, &id, 1) || id != PART_ID) return false;
  if (!maxWrite(REG_MODE_CONFIG, 0x40)) return false;  // soft reset
  for (uint8_t i = 0; i < 100; i++) {                  // reset bit clears within 1 ms
    uint8_t mode = 0x40;
    if (maxRead(REG_MODE_CONFIG, &mode, 1) && !(mode & 0x40)) break;
    delay(1);
  }
  return maxWrite(REG_FIFO_CONFIG, (2 << 5) | 0x0F)        // average 4, no rollover
         && maxWrite(REG_SPO2_CONFIG, (1 << 5) | (3 << 2) | 3)  // 4096 nA, 400 sps, 411 us
         && maxWrite(REG_LED1_PA, 0x1F) && maxWrite(REG_LED2_PA, 0x1F)  // 6.2 mA each
         && maxWrite(REG_FIFO_WR_PTR, 0) && maxWrite(REG_FIFO_WR_PTR + 1, 0)  // WR, OVF
         && maxWrite(REG_FIFO_WR_PTR + 2, 0)                                 // RD
         && maxWrite(REG_MODE_CONFIG, 0x03);  // SpO2 mode: starts sampling
}

// -- BF1 output -----------------------------------------------------------------------
void sendLine(const char *body) {  // body + "*HH" + CR LF
  uint8_t x = 0;
  for (const char *p = body; *p; p++) x ^= (uint8_t)*p;
  char tail[6];
  snprintf(tail, sizeof tail, "*%02X", x);
  Serial.print(body);
  Serial.println(tail);
}

void sendRecord(char kind, uint32_t t, uint32_t value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%c,%lu,%lu", kind, (unsigned long)t, (unsigned long)value);
  sendLine(buf);
}

// -- beat detector --------------------------------------------------------------------
void resetDetector(uint32_t t) {
  thresh = peak = trough = 0;
  lastBeatMs = t;
  haveBeat = inPulse = false;
  ibiMs = 600;
}

void detect(uint32_t t, uint32_t upright) {
  int32_t v = (int32_t)upright;
  if (!contact) {
    dcReady = false;  // the mean restarts when the finger is back
    settleSum = 0;
    settleN = 0;
    resetDetector(t);
    return;
  }
  if (t - contactSinceMs < SETTLE_MS) {  // settling: average, so the mean starts close
    settleSum += v;
    settleN++;
    resetDetector(t);
    return;
  }
  if (!dcReady) {
    dcQ7 = (settleN ? settleSum / settleN : v) * 128;
    dcReady = true;
  }
  dcQ7 += v - dcQ7 / 128;
  int32_t ac = v - dcQ7 / 128;
  uint32_t sinceMs = t - lastBeatMs;
  uint32_t refractoryMs = (ibiMs / 10) * 7UL;  // Playground: 3/5; 7/10 skips the dicrotic wave at fast rates
  if (ac < thresh && sinceMs > refractoryMs && ac < trough) trough = ac;
  if (ac > thresh && ac > peak) peak = ac;
  if (sinceMs > 250 && ac > thresh && !inPulse && sinceMs > refractoryMs) {
    inPulse = true;
    if (haveBeat) {
      ibiMs = (uint16_t)sinceMs;
      sendRecord('I', t, ibiMs);
    }
    haveBeat = true;
    lastBeatMs = t;
  }
  if (ac < thresh && inPulse) {
    inPulse = false;
    thresh = trough + (peak - trough) / 2;
    peak = trough = thresh;
  }
  if (sinceMs > NO_BEAT_MS) resetDetector(t);
}

// One FIFO sample: header, contact, P line, detector.
void handleSample(uint32_t ir) {
  bool touch = ir >= NO_FINGER_IR;
  if ((int32_t)(tMs - nextHeaderMs) >= 0) {
    sendLine("#BF1 device=max30102-uno fs_hz=100 adc_max=262143");
    sendRecord('C', tMs, touch ? 1 : 0);
    nextHeaderMs = tMs + 5000UL;
  } else if (touch != contact) {
    sendRecord('C', tMs, touch ? 1 : 0);
  }
  if (touch && !contact) contactSinceMs = tMs;
  contact = touch;
  uint32_t upright = ADC_MAX - (ir > ADC_MAX ? ADC_MAX : ir);
  sendRecord('P', tMs, upright);
  detect(tMs, upright);
  tMs += SAMPLE_MS;
}

void setup() {
  Serial.begin(115200);
  Serial.println();  // an empty first line: a reader drops it as partial and keeps the header
  Wire.begin();
  Wire.setClock(400000);
  while (!maxBegin()) {
    sendLine("#error MAX30102 not found at I2C 0x57 (check SDA=A4, SCL=A5, 3.3 V)");
    delay(1000);
  }
  lastReadUs = micros();
}

void loop() {
  if (micros() - lastPollUs < POLL_US) {
    set_sleep_mode(SLEEP_MODE_IDLE);
    sleep_mode();  // Timer0 (millis) wakes it within 1.024 ms
    return;
  }
  lastPollUs = micros();
  uint8_t ptr[3];  // FIFO_WR_PTR, OVF_COUNTER, FIFO_RD_PTR
  if (!maxRead(REG_FIFO_WR_PTR, ptr, 3)) return;  // bus error: retry; lost samples show later
  uint32_t nowUs = micros();
  uint8_t ovf = ptr[1] & 0x1F;
  uint8_t n = (ptr[0] - ptr[2]) & (FIFO_DEPTH - 1);
  if (n == 0 && ovf) n = FIFO_DEPTH;  // full: write pointer caught up with the read pointer
  if (n == 0) return;
  uint32_t lost = ovf;
  if (ovf == OVF_SATURATED) {  // count by the board clock: samples since the last read
    uint32_t made = (nowUs - lastReadUs + SAMPLE_US / 2) / SAMPLE_US;
    if (made > n + lost) lost = made - n;
  }
  lastReadUs = nowUs;
  uint8_t buf[SAMPLES_PER_READ * BYTES_PER_SAMPLE];
  while (n) {
    uint8_t k = n < SAMPLES_PER_READ ? n : SAMPLES_PER_READ;
    if (!maxRead(REG_FIFO_DATA, buf, k * BYTES_PER_SAMPLE)) return;
    for (uint8_t i = 0; i < k; i++) {
      const uint8_t *s = buf + i * BYTES_PER_SAMPLE + 3;  // IR part
      handleSample(((uint32_t)(s[0] & 0x03) << 16) | ((uint32_t)s[1] << 8) | s[2]);
    }
    n -= k;
  }
  if (lost) {  // the chip dropped these after its FIFO was full
    tMs += SAMPLE_MS * lost;
    resetDetector(tMs);  // the next beat's predecessor may be among them
  }
}
