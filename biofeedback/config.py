"""Constants with units, in one place (OpenHRV habit).

Every window, band, limit and rate used by more than one module lives here,
with its unit in its name.
"""

# --- PPG beat detection (core/beats/ppg.py: slope-sum onset after qppg, then the systolic peak) ---
PPG_BANDPASS_HZ = (0.5, 8.0)  # 2nd-order Butterworth band-pass (upper edge capped at 0.4 fs)
BEAT_REFRACTORY_S = 0.25  # at most 240 bpm
NO_BEAT_TIMEOUT_S = 2.5  # no beat for this long -> "no signal"

# --- RR plausibility and artifact correction (Lipponen & Tarvainen 2019) ---
RR_MIN_MS = 273.0  # 220 bpm
RR_MAX_MS = 2000.0  # 30 bpm
LT_ALPHA = 5.2
LT_C1 = 0.13
LT_C2 = 0.17
LT_QD_WINDOW_BEATS = 91
LT_MEDIAN_WINDOW_BEATS = 11
ARTIFACT_SHARE_WARN = 0.05  # above this share of corrected beats metrics are unreliable

# --- Streaming artifact correction (core/rr/artifacts.py: live Lipponen & Tarvainen 2019) ---
LT_LOOKAHEAD_BEATS = 2  # a beat is final this many beats later (S22 needs dRR of the next 2 beats)
LT_TH_MIN_MS = 20.0  # floor for Th1/Th2 so a very regular rhythm is not flagged everywhere
LT_MIN_HISTORY_BEATS = 10  # dRR values needed before the L&T rules apply (hard gate only before)
LT_MAX_SPLIT_INTERVALS = 3  # a "missed" interval is split into at most this many intervals
LT_MOVE_TIE_MS = 1e-6  # moving a beat L&T call ectopic explains as well as the alternatives within this: moved
# Rhythm rule (core/rr/intervals.py): an interval far outside the longer-term rhythm is
# corrected (missed/extra) or a gap, also when it repeats for many beats (a run looks regular to L&T)
RHYTHM_REF_BEATS = 20  # the rhythm is the median of this many last accepted intervals (kept across gaps)
RHYTHM_MIN_BEATS = 8  # accepted intervals needed before the rhythm rule applies
RHYTHM_RATIO_RANGE = (0.6, 1.5)  # interval / rhythm outside this: far outside the rhythm
RHYTHM_STEP_RANGE = (0.75, 1.33)  # interval / previous one inside this: a step a heart can take (no flag)
RHYTHM_FIT_TOLERANCE = 0.15  # a split or merged interval within this share of the rhythm repairs it
RHYTHM_ESCAPE_BEATS = 30  # this many off-rhythm intervals in a row: the rhythm itself changed, learn it anew

# --- HRV (Task Force 1996; Kubios) ---
RESAMPLE_FS_HZ = 4.0  # cubic-spline resampling of the tachogram
VLF_BAND_HZ = (0.0033, 0.04)
LF_BAND_HZ = (0.04, 0.15)
HF_BAND_HZ = (0.15, 0.40)
WELCH_SEGMENT_S = 256.0  # Kubios default; shortened for short records
PNN_THRESHOLD_MS = 50.0

# --- Coherence (McCraty & Childre 2010) ---
COHERENCE_WINDOW_S = 64.0
COHERENCE_STEP_S = 5.0
COHERENCE_PEAK_BAND_HZ = (0.04, 0.26)
COHERENCE_PEAK_WIDTH_HZ = 0.030
COHERENCE_TOTAL_BAND_HZ = (0.0033, 0.40)

# --- Live windows ---
LIVE_RMSSD_WINDOW_S = 60.0
LIVE_SPECTRUM_WINDOW_S = 120.0

# --- Breathing pacer ---
PACER_MIN_BPM = 3.0  # breaths per minute
PACER_MAX_BPM = 10.0
PACER_STEP_BPM = 0.1
PACER_DEFAULT_BPM = 6.0

# --- Serial ---
DEFAULT_BAUD = 115200
RECONNECT_BACKOFF_S = (0.25, 0.5, 1.0, 2.0, 4.0)
RECONNECT_IDENTITY_WAIT_S = 6.0  # after a reconnect, events wait this long for the device to name itself
# (> NATIVE_HEADER_PERIOD_S): another device behind the same port name is refused
SERIAL_UNPARSED_WARN_BYTES = 4096  # this many bytes with not one line or packet decoded: the protocol does not fit
SERIAL_SAMPLE_BYTES = 8192  # the first bytes a port sent, kept to guess what it speaks when nothing decodes
SERIAL_STALL_S = 1.0  # a device timed by counting its samples (CMS50 at 60 packets/s, PulseSensor at 50 lines/s)
# never pauses this long: host silence beyond what the next bytes' device time covers is a gap, and later times move on

# --- HRV module (core/hrv/time_domain.py): spectrum and live-coherence details ---
# Task Force 1996: "approximately 1 min is needed to assess the HF components, while
# approximately 2 min are needed to address the LF component"; VLF from records of
# <= 5 min is "a dubious measure", so VLF needs more than 5 min.
SPECTRUM_MIN_RECORD_S = {"vlf": 300.0, "lf": 120.0, "hf": 60.0}
SPECTRUM_DF_HZ = 0.001  # zero-pad the Welch FFT to at least this grid (power is preserved)
SMOOTHNESS_PRIORS_LAMBDA = 500.0  # Tarvainen et al. 2002, Kubios default
COHERENCE_MARGIN_S = 5.0  # beats kept before a coherence window so the spline covers its start
COHERENCE_NFFT = 1024  # zero-padded FFT of the 64 s window (0.0039 Hz grid at 4 Hz)

# --- Sensor protocols (biofeedback/core/protocols; docs/reference/sensor-protocols.md) ---
PROTO_TEXT_MAX_LINE_BYTES = 128  # longer text lines are dropped up to the next LF (§0)
NATIVE_MAX_LINE_BYTES = 96  # BF1 spec (§6)
NATIVE_DEFAULT_FS_HZ = 250.0  # BF1 rate over UART until a header says otherwise (§6)
NATIVE_LOST_SAMPLES_FACTOR = 1.5  # P step > 1.5 sample periods -> lost samples
NATIVE_RESTART_STEP_MS = 1000.0  # P step > 1 s -> device restart / lost data
NATIVE_LOST_BEAT_PERIODS = 2.0  # I step vs ibi mismatch > 2 sample periods -> lost beat
NATIVE_HEADER_PERIOD_S = 5.0  # writers re-send header and contact state this often
PULSESENSOR_LINE_RATE_HZ = 50.0  # nominal serial sample rate of the Playground library (§1.1)
PULSESENSOR_REANCHOR_S = 0.2  # beat clock vs counted-line clock mismatch before re-anchoring
PULSESENSOR_NO_BEAT_RESET_S = 2.5  # Playground resets its detector after this long without a beat
CMS50_PACKET_RATE_HZ = 60.0  # both protocol generations (§2.2, §2.3)
CMS50_LOCK_PACKETS = 3  # consecutive well-formed packets before data is trusted (noise guard)
CMS50_KEEPALIVE_PERIOD_S = 5.0  # V7.0 keep-alive (AF) period
CMS50_PR_VALID_BPM = (25, 250)  # outside: no reading (§2.2 recommendation)
CMS50_SPO2_VALID_PCT = (50, 100)
MAX3010X_LINE_RATE_HZ = 100.0  # Example5: 400 sps averaged by 4 (§3.1)
MAX3010X_NO_FINGER_IR = 50000  # Example5 prints " No finger?" below this IR value
IBI_TEXT_RANGE_MS = (200.0, 3000.0)  # plain IBI text lines outside this range are rejected
IBI_SECONDS_BELOW = 10.0  # a plain IBI value below this is in seconds (x1000)
AUTODETECT_WINDOW_S = 2.0  # bytes inspected by protocol auto-detection

# --- Desktop app (pacer, live views, settings) -- owned by the GUI helper ---
PACER_MAX_HOLD_FRACTION = 0.5  # holds shrink to at most this share of a breath cycle
PACER_DEFAULT_INHALE_RATIO = 0.5  # inhale share of breathing time: I:E = 1:1
GUI_REDRAW_HZ = 60.0  # the redraw timer (pacer animation); never per sample
GUI_PULSE_REDRAW_HZ = 30.0  # the pulse wave scrolls at most this often: every frame of a 20 or 30 Hz timer
GUI_TACHOGRAM_REDRAW_HZ = 10.0  # 90 s across ~400-900 px scroll 4-10 px/s; a new beat shows within 0.1 s
GUI_TRENDS_REDRAW_HZ = 1.0  # minutes-long trends barely move between beats
GUI_PULSE_WINDOW_S = 8.0  # pulse wave shown over the last seconds
GUI_TACHOGRAM_WINDOW_S = 90.0  # HR tachogram with the pacer curve (1-2 min)
GUI_TREND_WINDOW_S = 600.0  # RMSSD / coherence trends
GUI_SPECTRUM_EVERY_S = 3.0  # recompute the live spectrum at most this often
GUI_SPECTRUM_MAX_HZ = 0.5
GUI_PPG_BUFFER_SAMPLES = 16384  # ring buffer (> 30 s at 500 Hz)
GUI_BEAT_BUFFER = 2048  # beats kept for the tachogram, spectrum and swing
GUI_METRICS_BUFFER = 4096  # metrics updates kept for the trends
SESSION_PRESETS_MIN = (2, 5, 10, 15, 20, 30)  # session duration presets (2: the first session); 0 = open-ended

# --- Simulator: physiology and PPG synthesis (physiology.py) ---
SIM_STEP_S = 0.05  # grid of the integral pulse frequency model
SIM_LOOKAHEAD_S = 1.0  # beats generated ahead of the returned time (> jitter + ectopic shift)
SIM_ARTIFACT_BLOCK_S = 60.0  # motion/finger-off events are drawn per block of this length

# --- Streaming PPG beat detector details (beats.py, beat_quality.py) ---
BEAT_SSF_WINDOW_S = 0.17  # slope-sum window (qppg: 170 ms; Zong et al. 2003: 128 ms)
BEAT_LEARN_S = 4.0  # samples gathered after a start before the first decision (polarity, threshold)
BEAT_THRESHOLD_SHARE = 0.3  # onset when the slope sum exceeds this share of recent upstrokes
BEAT_INITIAL_THRESHOLD_SHARE = 0.5  # ... of the 97th percentile of the learning window's slope sum
BEAT_UPSTROKES_KEPT = 8  # upstroke strengths whose median sets the threshold
BEAT_CONFIRM_DROP_SHARE = 0.2  # a peak is confirmed once the filtered wave fell this share of its rise
BEAT_MAX_RISE_S = 1.5  # an upstroke that does not turn into a peak within this is dropped
BEAT_EARLY_SHARE = 0.55  # a beat sooner than this share of the median interval is a reflected wave
BEAT_PROMINENCE_SHARE = 0.35  # a pulse must rise this share of the recent pulses' median rise
BEAT_LEARN_PERIOD_SHARE = 0.75  # first autocorrelation peak this share of the top one = interval
BEAT_PERIOD_WINDOW_S = 8.0  # the pulse period is re-estimated over this much recent wave ...
BEAT_PERIOD_EVERY_S = 2.0  # ... this often (autocorrelation, on the sample clock)
BEAT_FOOT_SHARE = 0.3  # a pulse's rise is measured from its foot in this share of an interval ...
BEAT_FOOT_MIN_S = 0.15  # ... but at least this far back
BEAT_REFLECTED_SHARE = 0.9  # a peak sooner than this share of the interval must be taller ...
BEAT_REFLECTED_PROMINENCE_SHARE = 0.8  # ... up to this share of the upper-quartile rise at EARLY_SHARE
BEAT_TALLER_SHARE = 1.3  # a peak this much taller than the last beat, however soon, is a beat
BEAT_PERIOD_MIN_CORRELATION = 0.4  # weaker autocorrelation peaks: no clear period
BEAT_FLAT_TOP_SHARE = 0.01  # raw samples this close to a clipped maximum belong to its flat top
BEAT_RELEARN_S = 5.0  # no beat for this long: polarity, threshold and pulse size are learnt again
BEAT_RR_KEPT = 9  # intervals whose median is the expected interval
BEAT_THRESHOLD_DECAY_RR = 1.6  # no beat for this many expected intervals: halve the threshold
BEAT_PROCESS_EVERY_S = 0.1  # samples are processed in groups of this length (latency vs speed)
BEAT_SMOOTH_S = 0.05  # centred moving average before locating the systolic maximum
BEAT_FIT_HALF_S = 0.04  # half-width of the least-squares parabola refining the peak time
BEAT_MIN_PROMINENCE_SD = 4.0  # a pulse must rise this many noise sd (MAD of first differences)
BEAT_BRIDGE_MAX_S = 0.5  # lost samples up to this long are bridged on the sample clock
BEAT_QUALITY_MIN = 0.86  # template correlation of an acceptable beat (Orphanidou et al. 2015)
BEAT_TEMPLATE_BEATS = 8  # beats averaged into the running template
BEAT_TEMPLATE_POINTS = 40  # each peak-to-peak wave is resampled to this many points
# rejected beats in a row that agree with each other replace the template; 3, so beats resume
# within 3 clean pulses after an artifact (5 kept heartpy data2's clean pulses out for 11 s)
BEAT_TEMPLATE_REBUILD_BEATS = 3
BEAT_WAVE_AFTER_S = 0.45  # a beat's wave: the previous pulse's fall this long after its peak ...
BEAT_WAVE_BEFORE_S = 0.25  # ... and this pulse's upstroke this long before its peak
SATURATED_SHARE = 0.05  # share of samples at the ADC rails in the last second -> saturated
FINGER_OFF_LEVEL_SHARE = 0.05  # median level below this share of full scale -> finger off

# --- Simulated sensor server (io/simulator.py) ---
SIM_INTERNAL_FS_HZ = 500.0  # the PPG is synthesised at this rate; encoders resample to their own
SIM_TICK_S = 0.02  # the server writes a chunk of bytes this often (real time)
SIM_READER_WAIT_S = 2.0  # a simulator faster than real time waits this long for a slow reader,
# then drops (at 1x it drops at once, like a UART)
SIM_DEFAULT_NOISE = 0.01

# --- Pipeline (core/pipeline.py) ---
LINK_DAMAGED_WINDOW_S = 10.0  # lost lines/samples counted over this much device time ...
LINK_DAMAGED_LOSSES = 2  # ... this many of them: the status says the link is damaged
QUALITY_CHECK_PERIOD_S = 1.0  # device time between signal-quality checks (each costs ~50 µs)

# --- Resonance assessment, adaptive pacing, coherence feedback ---
# Lehrer, Vaschillo & Vaschillo 2000; Lehrer & Gevirtz 2014; Shaffer & Meehan 2020.
ASSESS_RATES_BPM = (6.5, 6.0, 5.5, 5.0, 4.5)  # breaths/min, in the order they are paced
ASSESS_BLOCK_S = 120.0  # paced breathing per rate (Lehrer: about 2 min, often 3)
ASSESS_REST_S = 0.0  # optional rest between blocks
ASSESS_SETTLE_S = 10.0  # start of each block not scored: the user settles into the new rate
ASSESS_MAX_ARTIFACT_SHARE = 0.25  # a block with more corrected beats is not scored (was 0.05: a realistic artifact rate left too few blocks)
ASSESS_FOLLOW_TOLERANCE_HZ = 0.015  # HR oscillation peak within this of the pacer = following
ASSESS_MIN_FIT_R2 = 0.1  # share of HR variance a breathing-locked sinusoid must explain
ASSESS_MIN_VALID_BLOCKS = 3  # fewer usable blocks -> no resonance rate is recommended
ASSESS_MIN_BREATHS = 4  # complete breaths a block needs for the per-breath amplitude
ASSESS_OUTLIER_SHARE = 0.3  # RR this far from the 7-beat median: a missed artifact, not scored
ASSESS_OUTLIER_MEDIAN_BEATS = 7
ASSESS_LF_PEAK_MIN_SHARE = 0.25  # an LF local maximum counts as a peak above this share of the top
ASSESS_OSCILLATION_BAND_HZ = (0.04, 0.5)  # where the HR oscillation peak is looked for
ADAPT_MAX_CHANGE_BPM_PER_MIN = 0.5  # adaptive pacer glides no faster than this
ADAPT_BREATHING_BAND_HZ = (0.05, 0.5)  # spectral peak of the tachogram = current breathing rate
ADAPT_ESTIMATE_WINDOW_S = 60.0  # recent tachogram used to estimate the current breathing rate
COHERENCE_LEVELS = (0.6, 1.5)  # raw-ratio thresholds low/medium/high (from simulated and real RR distributions)
# (our own choice on the raw McCraty ratio, not HeartMath's product scale)
LIVE_STALE_AFTER_S = 5.0  # no beat for this long (device clock): live numbers and the ring show "–"/waiting

# --- Session store (io/store/, io/exports.py) ---
STORE_FLUSH_PERIOD_S = 0.5  # a SessionWriter commits at least this often: a crash loses at most this
# of raw data, and beats this plus the detector's delay (~0.3 s): both within the last second
STORE_STALE_S = 10.0  # a running session whose writer has not committed for this long is interrupted
STORE_RECOVERY_WARMUP_S = 120.0  # recovery replays raw events from this long before the last stored beat:
#   the detector relearns in seconds, the artifact corrector's 91-beat window fills in about 90 s
STORE_ZLIB_LEVEL = 1  # raw PPG blobs: fast compression, most of the gain
STORE_SUMMARY_MIN_PERIOD_S = 5.0  # a writer refreshes its session's provisional summary at most this often,
STORE_SUMMARY_COST_RATIO = 100.0  # and waits this many times the last refresh's cost before the next
#   (<= 1 % of a core: 8 hours of beats take ~0.2 s); a crashed session is listed with it at once
# (several processes, bad days)
STORE_BUSY_TIMEOUT_S = 5.0  # opening, reading and editing wait this long for another process's write lock
STORE_WRITER_BUSY_TIMEOUT_S = 1.0  # a session writer's commit waits this long, then keeps its batch,
# says "not saving" and retries at the next flush
STORE_FINISH_WAIT_S = 30.0  # closing a session retries this long while the disk is full or the store locked

# --- After-session summary, progress and plot ranges (core/summary/session.py, core/practice/progress.py, ui) ---
SUMMARY_MIN_PREVIOUS = 3  # earlier sessions needed before "against your own sessions" is said
SUMMARY_MIN_BEATS = 30  # fewer beats: the summary says the session was too short to read
SUMMARY_PREVIOUS_SWING_SESSIONS = 20  # earlier sessions whose HR swing is re-derived from stored beats
SUMMARY_NOTABLE_PERCENTILE = 75.0  # above this (or below 100 minus it) of one's own sessions is "more/less than usual"
PROGRESS_MIN_TREND_SESSIONS = 4  # a weekly trend slope needs this many sessions...
PROGRESS_MIN_TREND_SPAN_DAYS = 7.0  # ...spread over at least this many days
PRACTICE_MIN_SESSION_MIN = 1.5  # shorter sessions are kept but not compared nor in trends (a setting;
# one 64 s coherence window and a few slow breaths fit in it)
PLOT_RANGE_PERCENTILES = (2.0, 98.0)  # live y ranges follow these percentiles, not the extremes
PLOT_MIN_SPAN_HR_BPM = 10.0  # the HR axis never zooms in closer than this
PLOT_MIN_SPAN_RMSSD_MS = 20.0  # RMSSD axes (live and history) span at least this
PLOT_MIN_SPAN_COHERENCE = 1.0  # coherence-ratio axes span at least this
PLOT_MIN_SPAN_HR_SWING_BPM = 10.0  # heart-rate swing (per breath, bpm) axes over weeks span at least this

# --- Lab Streaming Layer and the coach view (io/lsl_*.py, app/coach_model.py) ---
LSL_PACER_RATE_HZ = 10.0  # the Pacer stream's nominal rate: guide samples per second
LSL_SIM_PACER_BPM = 6.0  # `simulate --lsl` paces the simulated person at this rate by default
LSL_CLOCK_MAP_WINDOW_S = 30.0  # device->local_clock offset = min(arrival - device time) over this
LSL_RECENT_BEATS = 64  # beats an outlet keeps for the 3-beat HR and the per-breath HR swing
LSL_MAX_BUFFERED_S = 60  # an outlet buffers at most this much for a slow consumer...
LSL_OUTLET_BUFFER_BYTES = 32_000_000  # ...and at most this much memory, whatever its rate
LSL_RESOLVE_WAIT_S = 1.0  # one resolve of the network (inlet source, first look of the coach)
LSL_SOURCE_POLL_S = 0.05  # the inlet source pulls this often
LSL_SOURCE_BUFFER_S = 30.0  # the inlet source's liblsl buffer holds this much unread data...
LSL_SOURCE_BUFFER_BYTES = 32_000_000  # ...and at most this much memory, whatever rate is declared
LSL_SOURCE_IRREGULAR_SIZING_HZ = 1000.0  # buffer sizing of a stream declaring no rate (0 Hz)
LSL_SOURCE_PULL_MAX_SAMPLES = 1024  # at most this many samples per pull
# --- Stream settings checked before use (io/stream_checks.py: LSL inlets and XDF streams) ---
STREAM_MAX_RATE_HZ = 10_000.0  # a stream declaring more is refused: no pulse or ECG sensor samples faster
STREAM_MAX_CHANNELS = 256  # a stream with more channels is refused (every pull holds all of them)
STREAM_MIN_PPG_RATE_HZ = 10.0  # below this the PPG filters (0.5-8 Hz, capped at 0.4 fs) cannot be built
STREAM_MIN_ECG_RATE_HZ = 50.0  # as core/beats/ecg.EcgRPeakDetector requires
STREAM_RATE_CHECK_S = 5.0  # seconds of time stamps that check a declared rate, or estimate a missing one
STREAM_RATE_MISMATCH_RATIO = 1.25  # stamps showing a rate this far (either way) from the declared one: refused
STREAM_RATE_REGULAR_SHARE = 0.9  # a stream without a declared rate is read only when this share of its
STREAM_RATE_REGULAR_TOLERANCE = 0.25  # time steps lie within this (relative) of their median step
STREAM_BREAK_S = 1.0  # a time step above this is a break (a pause in sending), not a sample interval
XDF_MAX_CHUNK_BYTES = 256_000_000  # an XDF Samples chunk needing more memory decoded is damage (LabRecorder's are small)
COACH_FORGET_AFTER_S = 10.0  # the LSL resolver drops a stream it has not heard of for this long (with 3 s,
# 30 clients on one loaded host were listed 72-103 of their 120 streams at any time: answers get lost)
COACH_LOST_AFTER_S = 3.0  # "lost": no data from a client for this long and its connections closed...
COACH_LOST_UNLISTED_AFTER_S = 15.0  # ...or no data for this long and the resolver no longer lists it (a host
# gone without closing its connections); resolver answers go missing under load, so that alone is not "lost"
COACH_QUIET_AFTER_S = 2.0  # no data (its pacer alone sends 10 a second) this long: the tile greys, its clock stops
COACH_STALLED_AFTER_S = 3.0  # a client's reader thread that has not finished a pass for this long is "stuck"
COACH_WINDOW_S = 60.0  # each tile's HR curve spans the last minute
COACH_MAX_CLIENTS = 64  # clients read at once; more are counted ("70 found, showing 64"), not read
COACH_OPEN_FILES_PER_CLIENT = 48  # a client's 4 LSL inlets hold ~44 sockets (measured): the coach raises its
COACH_OPEN_FILES_BASE = 512  # soft limit of open files to this per client read, plus this for the rest (io/open_files.py)
COACH_POLL_S = 0.1  # each client's reader thread pulls its inlets this often...
COACH_DRAIN_S = 0.05  # ...and the GUI takes what they pulled this often (a beat waits at most both periods)
COACH_RESOLVE_S = 0.5  # the discovery thread looks at the resolver's list this often
COACH_IRREGULAR_MAX_HZ = 50.0  # buffer sizing of an irregular stream (beats, metrics: a few a second)
COACH_INLET_BUFFER_S = 10.0  # an inlet keeps at most this much unread data (the reader pulls every 0.1 s)...
COACH_INLET_BUFFER_BYTES = 2_000_000  # ...and at most this much memory, whatever rate is declared (liblsl
# counts whole seconds: 1 s of 8 channels at STREAM_MAX_RATE_HZ is ~1.3 MB, so every stream read fits)
COACH_SUBSCRIBE_TIMEOUT_S = 2.0  # a reader waits at most this long for a client's outlet to accept an inlet
COACH_PULL_MAX_SAMPLES = 512  # at most this many samples per inlet per pull (bounded work per pass)
COACH_CURVE_BREAK_S = 3.0  # beats further apart than this are not joined by the HR curve

# --- Recorded files and offline analysis (io/files.py, core/offline.py, cli/analyze.py) ---
FILE_RR_GAP_MS = 5000.0  # an interval in a file above this (or NaN, <= 0) is a gap, not a beat
FILE_RR_MIN_MS = 1.0  # ... and one below this (no device times beats finer; 1e-300 ms would add nothing)
FILE_GAP_MAX_S = 3600.0  # a gap read from a file advances the clock by at most this
FILE_PPG_GAP_S = 1.0  # a PPG time step above this (and above 10 median steps) is a gap
OFFLINE_PPG_BLOCK_SAMPLES = 1 << 16  # analyze feeds the detector chunks this large
FILE_MAX_COLUMNS = 1000  # a table with more columns is refused before it is parsed (recordings have a few to tens)
FILE_MAX_LINE_BYTES = 65536  # a table line longer than this (64 KB) is refused before it is parsed
FILE_ERROR_EXCERPT_CHARS = 80  # file content (a cell, column names) quoted in an error is cut to this many characters
ANALYZE_MIN_BEAT_SHARE = 0.5  # a wave whose beats span less of it than this share is warned about
CLI_ERROR_MAX_CHARS = 500  # a command's one-line error is cut to this many characters
FILE_UNIT_CHANGE_MIN_ROWS = 5  # this many rows in a row that read as another unit (x1000): the unit changed there
FILE_SAMPLE_ABS_MAX = 1e12  # a PPG/ECG sample beyond this magnitude is damage (32-bit ADC counts < 4.3e9), read as missing
FILE_TIME_ABS_MAX_S = 1e11  # a time stamp beyond this many seconds (3000 years) is damage, read as missing
# One column of numbers and no --kind: a sampled wave, not beat-to-beat intervals, when it rarely turns
# by much. Measured large-turn shares: the intervals of every reference beat file in tests/data and
# pyhrv's SampleNNISeriesLong 0.103-0.478, a noise-free breathing sinusoid of 19 beats 0.106 (33 beats:
# 0.060); sampled waves: PPG 0.023-0.054 (heartpy's bare data.csv 0.039), ECG at 360-1000 Hz 0.029-0.037
# (at 100 Hz 0.06-0.13: read as intervals, as before). How often a series turns at all is no measure: a
# smooth breathing rhythm turns as rarely as a wave.
FILE_WAVE_MIN_VALUES = 60  # fewer values are not judged
FILE_WAVE_LARGE_TURNS_MAX = 0.05  # a series making large turns at fewer of its values is a wave
FILE_WAVE_LARGE_TURN_SHARE = 0.2  # a large turn: by this share of the 5-95 % spread left by a running median
FILE_WAVE_MEDIAN_VALUES = 61  # ... over this many values (a trend in intervals, the baseline of a wave)
FILE_WAVE_JUDGED_VALUES = 10_000  # only the first this many values are judged (hours of beats)
FILE_FS_MATCH_SHARE = 0.02  # --fs this far (as a share) from a file's time column's own rate is refused
FILE_SAMPLE_RATE_RANGE_HZ = (10.0, 10000.0)  # a large-stepping time column is in us or ns: the one giving a
# sample rate in this range, or (us only) beat times RR_MIN_MS to FILE_RR_GAP_MS apart
FILE_TIME_BACK_MAX_SHARE = 0.05  # a time column going backwards at more of its steps has rows out of order
# (a clock restart is one step back; shuffled rows go back at ~half of theirs, reversed ones at all)
HRV_CHAIN_TOLERANCE_MS = 1.0  # a beat whose interval does not start at the previous beat (by
# more than this) starts a new chain: no successive difference, no coherence window across it
AUTODETECT_SLOW_WAIT_S = 8.0  # auto-detect keeps listening this long for one-line-per-beat devices

# --- Feedback loop: breathing from the PPG, coherence display, audio ---
# Karlen et al. 2013 (smart fusion); Charlton et al. 2016 (review of PPG respiratory modulations).
RESP_WINDOW_S = 60.0  # trailing window of the breathing estimate
RESP_UPDATE_S = 1.0  # the live estimate is recomputed this often (device time)
RESP_BAND_HZ = (0.05, 0.5)  # breathing looked for in 3-30 breaths/min
RESP_NFFT = 4096  # zero-padded FFT at 4 Hz (0.06 breaths/min grid before interpolation)
RESP_PEAK_HALF_WIDTH_HZ = 0.02  # spectral purity: power this close to the peak / band power
RESP_FUSION_MAX_SD_BPM = 4.0  # Karlen's smart fusion: rates of the modulations must agree this well
RESP_OUTLIER_MAD = 5.0  # per-beat modulation values beyond this many robust sd are dropped
RESP_MAX_EDGE_GAP_S = 10.0  # a modulation must have clean beats this close to both window ends
RESP_PHASE_CYCLES = 1.5  # breaths at the window's end fitted for the phase
RESP_PEAK_SEARCH_S = 0.08  # pulse peak looked for within this of the beat time
RESP_TROUGH_SEARCH_S = 0.45  # pulse trough looked for in this before the peak
RESP_PPG_KEEP_S = 5.0  # raw PPG kept by the tracker (features are taken as beats arrive)
RESP_FUSION_NEAR_BPM = 1.0  # fusion keeps modulations this close to their median rate ...
RESP_FUSION_NEAR_SHARE = 0.1  # ... or this share of it, whichever is larger
RESP_COUNT_BAND_HZ = (0.04, 0.7)  # band-pass of the breath curve before counting breaths
RESP_GAP_S = 2.0  # clean beats further apart than this leave a gap: no breath is counted across it
RESP_GAP_HALF_CYCLES = 1.6  # landmarks this many typical half-breaths apart across a gap hide whole breaths
RESP_MIN_COUNTED_CYCLES = 2.0  # breaths counted in the window before counting replaces the spectral rate
RESP_COUNT_HYSTERESIS_SD = 0.1  # breath peaks above +this x sd of the curve, troughs below -this
RESP_RECENT_CYCLES = 2.0  # the phase is fitted at the pace of the last this many counted breaths
RESP_COUNT_MAX_DIFF_SHARE = 0.4  # a count this far from agreeing spectral rates is not trusted
RESP_MIN_QUALITY = 0.2  # estimates below this are shown as "unsure" and not used by the assessment
COHERENCE_EMA_UPDATES = 8.0  # displayed level: EMA of log(ratio) over this many 5 s updates
COHERENCE_HYSTERESIS_SHARE = 0.25  # the level moves only this share past a threshold
COHERENCE_MIN_DWELL_S = 30.0  # a displayed level holds at least this long
# resonance assessment (core/resonance/scoring.py): Lehrer 2000 criteria weighted in Shaffer & Meehan's order
ASSESS_BREATH_FOLLOW_BPM = 0.5  # measured breathing this close to the pacer = the user followed it
ASSESS_MAX_BEAT_GAP_S = 3.0  # the block's HR curve is not drawn across a hole between beats longer than this
ASSESS_PULSE_PHASE_MIN_LOCK = 0.8  # breath phase from the pulse is used when it keeps the pacer's rhythm this well (0..1)
ASSESS_CRITERION_WEIGHTS = {"phase": 3.0, "amplitude": 2.0, "lf_power": 1.0, "lf_peak": 1.0,
                            "smoothness": 1.0, "single_peak": 0.5}
ASSESS_CONFIDENCE_CLEAR = 0.08  # winner's score this share above the runner-up: a clear choice
ASSESS_CONFIDENCE_LIKELY = 0.03  # ... this share: likely; below: uncertain (retest advised)
# eyes-closed audio (core/breathing/audio_synth.py, app/audio_output.py)
AUDIO_FS_HZ = 22050.0  # synthesis and sink sample rate
AUDIO_BASE_HZ = 196.0  # breathing tone when fully exhaled (G3)
AUDIO_PITCH_SPAN_SEMITONES = 7.0  # ... rising a fifth to fully inhaled
AUDIO_DEFAULT_VOLUME = 0.5
AUDIO_LAYER_GAIN = 0.25  # the coherence layer, relative to the breathing tone
AUDIO_HEADROOM = 0.6  # peak of the mix at full volume, below clipping
AUDIO_SMOOTH_S = 0.05  # settings glide to new values with this time constant (no clicks)
AUDIO_BUFFER_S = 0.1  # the sink pulls about this much audio at a time
# stopping a live session (app/session.py, app/live_session.py)
SESSION_STOP_DRAIN_S = 8.0  # a stopped session waits at most this long for the beats the corrector holds (3 s at 65 bpm, ~5 s at 40)
SHUTDOWN_WAIT_S = 10.0  # at exit, the source stop and the session save get at most this long (window responsive)
# raw event log (io/rawlog.py) and replay (io/replay.py)
RAW_ROW_OUT_OF_PLACE_S = 300.0  # a raw-log row this far (in time) from the rows before and after it, which
# agree, is damage: no device writes one row minutes away from its neighbours (a BLE packet's beats,
# a strap's signal block lag the stream by seconds), and a restart or a pause moves the rows after it too
REPLAY_MAX_WAIT_S = 5.0  # a jump in stream time beyond this many seconds is played as this long: the gap
# shows as a gap in the replay instead of a wait of hours at replay speed
# reading a session back from the store (io/store/reading.py): SQLite can stop a read at a damaged page
# without an error, so a read is checked against the session's other tables
STORE_SHORT_READ_SLACK_S = 5.0  # raw data ending this long before the session's last beat or breath is suspect
