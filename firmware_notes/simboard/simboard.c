/* simboard.c -- run an Arduino Uno firmware on simavr with a simulated pulse sensor.
 *
 *   simboard FIRMWARE.elf WAVE.txt [--duration S] [--i2c-off START:DUR]... [--out FILE] [--tee FILE]
 *            [--hold-open]
 *
 * The board (ATmega328P, 16 MHz, AVCC = AREF = 5 V) gets
 * - ADC0: the waveform's millivolt column (a PulseSensor on A0), sampled when a conversion starts;
 * - a virtual MAX30102 at I2C 0x57 whose raw IR count is the waveform's IR column;
 * - its UART bridged to a pty. simboard prints "PORT <path>" on stdout and holds the board in
 *   reset until a reader opens that path (an Uno resets when the port is opened), then waits
 *   BOOT_DELAY_MS as the bootloader would. A reader that
 *   falls behind stalls the simulation: no byte is dropped. With --out the bytes go to a file
 *   instead; --tee also copies them to a file. After the run the pty stays open for LINGER_S so
 *   the reader can drain it before it sees the hang-up; with --hold-open, until stdin closes
 *   (at most OPEN_TIMEOUT_S), for a caller that knows when its reader has everything.
 * Simulated time runs as fast as the host allows; output bytes do not depend on host speed.
 * The waveform file: a line "BFWAVE fs_hz=<int> n=<int>", then n lines "<adc0_mV> <ir_count>".
 * On stderr: "CLOCK0 adc <s>" / "CLOCK0 max30102 <s>" (simulated time of the first ADC
 * conversion / first FIFO sample), lost-FIFO-sample reports, and a speed summary at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "avr_adc.h"
#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "max30102_model.h"

#define OUT_CHUNK 256
#define OPEN_TIMEOUT_S 60
#define LINGER_S 1
/* An Uno reset by the port's open runs its bootloader first (optiboot waits about 1 s). The
 * pause also covers the reader's own open: pyserial flushes the input buffer right after it
 * opens the port, which threw away the first ~450 bytes of a board that started at once. */
#define BOOT_DELAY_MS 500

typedef struct wave_t {
	double fs_hz;
	long n;
	float *mv, *ir;
} wave_t;

static wave_t wave;
static avr_t *avr;
static int out_fd = -1, tee_fd = -1;
static int is_pty;
static uint8_t out_buf[OUT_CHUNK];
static size_t out_len;
static unsigned long long out_total;
static double first_adc_s = -1;

static void die(const char *msg)
{
	fprintf(stderr, "simboard: %s\n", msg);
	exit(2);
}

static double now_s(avr_t *a)
{
	return (double)a->cycle / a->frequency;
}

static double wave_at(const float *col, double t)
{
	double x = t * wave.fs_hz;
	if (x <= 0) return col[0];
	long i = (long)x;
	if (i >= wave.n - 1) return col[wave.n - 1];
	double f = x - i;
	return col[i] * (1 - f) + col[i + 1] * f;
}

static uint32_t ir_at(double t, void *param)
{
	(void)param;
	double v = wave_at(wave.ir, t);
	return v < 0 ? 0 : (uint32_t)(v + 0.5);
}

static void read_wave(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) die("cannot open the waveform file");
	if (fscanf(f, "BFWAVE fs_hz=%lf n=%ld", &wave.fs_hz, &wave.n) != 2 || wave.fs_hz <= 0 || wave.n < 2)
		die("the waveform file must start with \"BFWAVE fs_hz=<int> n=<int>\"");
	wave.mv = malloc(sizeof(float) * wave.n);
	wave.ir = malloc(sizeof(float) * wave.n);
	if (!wave.mv || !wave.ir) die("out of memory");
	for (long i = 0; i < wave.n; i++)
		if (fscanf(f, "%f %f", &wave.mv[i], &wave.ir[i]) != 2) die("the waveform file is shorter than n");
	fclose(f);
}

/* -- ADC0 ------------------------------------------------------------------------------ */
static void adc_trigger_hook(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq; (void)value; (void)param;
	double t = now_s(avr);
	if (first_adc_s < 0) {
		first_adc_s = t;
		fprintf(stderr, "CLOCK0 adc %.6f\n", t);
	}
	double mv = wave_at(wave.mv, t);
	avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), mv < 0 ? 0 : (uint32_t)(mv + 0.5));
}

/* -- UART -> pty or file ------------------------------------------------------------- */
static void write_all(const uint8_t *buf, size_t len)
{
	while (len) {
		if (is_pty) {  /* wait for room; a vanished reader ends the run */
			struct pollfd pfd = {out_fd, POLLOUT, 0};
			if (poll(&pfd, 1, 1000) < 0 && errno != EINTR) die("poll failed");
			if (pfd.revents & POLLHUP) die("the reader closed the port");
			if (!(pfd.revents & POLLOUT)) continue;
		}
		ssize_t w = write(out_fd, buf, len);
		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN) continue;
			die("write to the port failed");
		}
		buf += w;
		len -= (size_t)w;
	}
}

static void flush_out(void)
{
	if (tee_fd >= 0 && write(tee_fd, out_buf, out_len) != (ssize_t)out_len) die("write to the --tee file failed");
	write_all(out_buf, out_len);
	out_len = 0;
}

static void uart_out_hook(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq; (void)param;
	out_buf[out_len++] = (uint8_t)value;
	out_total++;
	if (out_len == OUT_CHUNK) flush_out();
}

static void open_pty(void)
{
	int m, s;
	char name[128];
	if (openpty(&m, &s, name, NULL, NULL) < 0) die("cannot create a pty");
	struct termios tio;
	tcgetattr(s, &tio);
	cfmakeraw(&tio);
	cfsetispeed(&tio, B115200);
	cfsetospeed(&tio, B115200);
	tcsetattr(s, TCSANOW, &tio);
	close(s);  /* from now on POLLHUP on the master means "no reader" */
	out_fd = m;
	is_pty = 1;
	printf("PORT %s\n", name);
	fflush(stdout);
	for (int waited_ms = 0;; waited_ms += 10) {  /* board held in reset until the port is opened */
		struct pollfd pfd = {m, POLLOUT, 0};
		poll(&pfd, 1, 0);
		if (!(pfd.revents & POLLHUP)) break;
		if (waited_ms > OPEN_TIMEOUT_S * 1000) die("nobody opened the port within 60 s");
		usleep(10000);
	}
	usleep(BOOT_DELAY_MS * 1000);
}

/* simavr's default sleep callback waits in real time; skipping it fast-forwards idle time */
static void no_sleep(avr_t *a, avr_cycle_count_t how_long)
{
	(void)a; (void)how_long;
}

static double wall_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	static max30102_t sensor;
	const char *out_path = NULL, *tee_path = NULL;
	double duration_s = -1;
	int hold_open = 0;
	if (argc < 3) {
		fprintf(stderr, "usage: simboard FIRMWARE.elf WAVE.txt [--duration S] [--i2c-off START:DUR]... [--out FILE] [--tee FILE] [--hold-open]\n");
		return 2;
	}
	read_wave(argv[2]);
	double off_start[8], off_dur[8];
	int n_off = 0;
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--duration") && i + 1 < argc) {
			duration_s = atof(argv[++i]);
		} else if (!strcmp(argv[i], "--i2c-off") && i + 1 < argc && n_off < 8) {
			if (sscanf(argv[++i], "%lf:%lf", &off_start[n_off], &off_dur[n_off]) != 2) die("--i2c-off wants START:DUR in seconds");
			n_off++;
		} else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
			out_path = argv[++i];
		} else if (!strcmp(argv[i], "--tee") && i + 1 < argc) {
			tee_path = argv[++i];
		} else if (!strcmp(argv[i], "--hold-open")) {
			hold_open = 1;
		} else {
			fprintf(stderr, "simboard: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	if (duration_s <= 0) duration_s = (wave.n - 1) / wave.fs_hz;

	elf_firmware_t fw;
	memset(&fw, 0, sizeof fw);
	if (elf_read_firmware(argv[1], &fw) != 0) die("cannot read the firmware ELF file");
	avr = avr_make_mcu_by_name("atmega328p");
	if (!avr) die("simavr has no atmega328p");
	avr_init(avr);
	avr->frequency = 16000000;
	avr_load_firmware(avr, &fw);
	avr->frequency = 16000000;
	avr->avcc = avr->aref = 5000;  /* mV; Arduino's analogRead uses AVCC as the reference */
	avr->log = LOG_WARNING;
	avr->sleep = no_sleep;

	uint32_t flags = 0;
	avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
	flags &= ~(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
	avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out_hook, NULL);
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_OUT_TRIGGER), adc_trigger_hook, NULL);
	max30102_init(avr, &sensor, ir_at, NULL, now_s);
	memcpy(sensor.off_start_s, off_start, sizeof off_start);
	memcpy(sensor.off_dur_s, off_dur, sizeof off_dur);
	sensor.n_off = n_off;
	max30102_attach(avr, &sensor);

	if (tee_path && (tee_fd = open(tee_path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		die("cannot write the --tee file");
	if (out_path) {
		out_fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (out_fd < 0) die("cannot write the --out file");
	} else {
		open_pty();
	}

	double wall0 = wall_s();
	clock_t cpu0 = clock();
	avr_cycle_count_t end = (avr_cycle_count_t)(duration_s * avr->frequency);
	int state = cpu_Running;
	while (avr->cycle < end) {
		state = avr_run(avr);
		if (state == cpu_Done || state == cpu_Crashed) break;
		if (sensor.made == 1 && sensor.first_sample_s >= 0) {
			fprintf(stderr, "CLOCK0 max30102 %.6f\n", sensor.first_sample_s);
			sensor.first_sample_s = -2;
		}
	}
	flush_out();
	double wall = wall_s() - wall0, cpu = (double)(clock() - cpu0) / CLOCKS_PER_SEC;
	double sim = now_s(avr);
	fprintf(stderr, "simboard: simulated %.2f s in %.2f s wall (%.1fx real time), %.2f s CPU (%.1fx); "
	        "%llu bytes out; MAX30102 %u samples made, %u lost%s\n",
	        sim, wall, sim / (wall > 0 ? wall : 1e-9), cpu, sim / (cpu > 0 ? cpu : 1e-9), out_total,
	        sensor.made, sensor.lost_total, state == cpu_Crashed ? "; FIRMWARE CRASHED" : "");
	if (is_pty && hold_open) {  /* until stdin closes: the caller knows when the reader has it all */
		char c;
		struct pollfd in = {STDIN_FILENO, POLLIN, 0};
		while (poll(&in, 1, OPEN_TIMEOUT_S * 1000) > 0 && read(STDIN_FILENO, &c, 1) > 0) {
		}
	} else if (is_pty) {
		sleep(LINGER_S);  /* let the reader drain the pty before it hangs up */
	}
	close(out_fd);
	if (tee_fd >= 0) close(tee_fd);
	return state == cpu_Crashed ? 3 : 0;
}
