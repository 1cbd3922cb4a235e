<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Assessment</name>
    <message>
        <source>{pct} % of beats were corrected (more than {max} %)</source>
        <translation>se corrigió el {pct} % de los latidos (más del {max} %)</translation>
    </message>
    <message>
        <source>too few beats in this block</source>
        <translation>muy pocos latidos en este bloque</translation>
    </message>
    <message>
        <source>breathing (read from the pulse) was {bpm} /min, not at the pacer&apos;s {rate} /min</source>
        <translation>la respiración (leída del pulso) fue de {bpm} /min, no de los {rate} /min de la guía</translation>
    </message>
    <message>
        <source>heart rate oscillated at {bpm} /min, not at the pacer&apos;s {rate} /min</source>
        <translation>la frecuencia cardiaca osciló a {bpm} /min, no a los {rate} /min de la guía</translation>
    </message>
    <message>
        <source>no clear heart-rate oscillation with the breath (explains {pct} % of the variation)</source>
        <translation>sin una oscilación clara de la frecuencia cardiaca con la respiración (explica el {pct} % de la variación)</translation>
    </message>
    <message>
        <source>only {n} complete breaths</source>
        <translation>solo {n} respiraciones completas</translation>
    </message>
    <message>
        <source>only {usable} of {n} rates gave a usable block (at least {needed} are needed)</source>
        <translation>solo {usable} de {n} ritmos dieron un bloque utilizable (hacen falta al menos {needed})</translation>
    </message>
    <message>
        <source>in {k} of {n} blocks heart rate did not rise and fall with the pacer: {cause}</source>
        <translation>en {k} de {n} bloques la frecuencia cardiaca no subió y bajó con la guía: {cause}</translation>
    </message>
    <message>
        <source>the breathing read from the pulse did not follow it</source>
        <translation>la respiración leída del pulso no la siguió</translation>
    </message>
    <message>
        <source>the breathing may not have followed it</source>
        <translation>puede que la respiración no la siguiera</translation>
    </message>
    <message>
        <source>too noisy: in {k} of {n} blocks more than {max} % of beats had to be corrected (movement or a loose sensor)</source>
        <translation>demasiado ruido: en {k} de {n} bloques hubo que corregir más del {max} % de los latidos (movimiento o un sensor flojo)</translation>
    </message>
    <message>
        <source>{k} of {n} blocks had too few beats or breaths to score</source>
        <translation>{k} de {n} bloques tuvieron muy pocos latidos o respiraciones para puntuar</translation>
    </message>
    <message>
        <source>{rate} /min: {reason}</source>
        <translation>{rate} /min: {reason}</translation>
    </message>
    <message>
        <source>Heart rate was timed against the breathing signal given with the beats.</source>
        <translation>La frecuencia cardiaca se sincronizó con la señal de respiración que llega con los latidos.</translation>
    </message>
    <message>
        <source>Heart rate was timed against the guide: your breathing could not be read from the pulse wave.</source>
        <translation>La frecuencia cardiaca se sincronizó con la guía: no se pudo leer tu respiración en la onda del pulso.</translation>
    </message>
    <message>
        <source>Read from {read}, you breathed {where}{some}; heart rate was timed against your breathing, not the guide.</source>
        <translation>Según {read}, respiraste {where}{some}; la frecuencia cardiaca se sincronizó con tu respiración, no con la guía.</translation>
    </message>
    <message>
        <source>the chest strap&apos;s movement</source>
        <translation>el movimiento de la banda de pecho</translation>
    </message>
    <message>
        <source>your pulse</source>
        <translation>tu pulso</translation>
    </message>
    <message>
        <source>about {s} s behind the guide</source>
        <translation>unos {s} s por detrás de la guía</translation>
    </message>
    <message>
        <source>about {s} s ahead of the guide</source>
        <translation>unos {s} s por delante de la guía</translation>
    </message>
    <message>
        <source>in time with the guide</source>
        <translation>al compás de la guía</translation>
    </message>
    <message>
        <source> (in {k} of {n} blocks)</source>
        <translation> (en {k} de {n} bloques)</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <source>{what} off: no audio output device found</source>
        <translation>{what} desactivado: no se encontró ningún dispositivo de salida de audio</translation>
    </message>
    <message>
        <source>{what} off: sound is not available here ({why})</source>
        <translation>{what} desactivado: aquí no hay sonido disponible ({why})</translation>
    </message>
    <message>
        <source>Audio cue</source>
        <translation>Aviso sonoro</translation>
    </message>
    <message>
        <source>Coherence sound</source>
        <translation>Sonido de coherencia</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Stress</source>
        <translation>Estrés</translation>
    </message>
    <message>
        <source>0 none · 10 extreme</source>
        <translation>0 nada · 10 extremo</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>0 none · 10 worst imaginable</source>
        <translation>0 nada · 10 el peor imaginable</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>0 very low · 10 excellent</source>
        <translation>0 muy bajo · 10 excelente</translation>
    </message>
    <message>
        <source>Type 0 to 9 (1 then 0 for 10), or use the arrow keys; Delete clears the answer.</source>
        <translation>Escribe de 0 a 9 (1 y luego 0 para 10), o usa las flechas; Supr borra la respuesta.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>Check-in before the session</source>
        <translation>Registro antes de la sesión</translation>
    </message>
    <message>
        <source>Check-in after the session</source>
        <translation>Registro después de la sesión</translation>
    </message>
    <message>
        <source>How do you feel right now? Every question is optional.</source>
        <translation>¿Cómo te sientes ahora mismo? Todas las preguntas son opcionales.</translation>
    </message>
    <message>
        <source>And now, after the session? Every question is optional.</source>
        <translation>¿Y ahora, después de la sesión? Todas las preguntas son opcionales.</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>Una nota (opcional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <source>biofeedback — client view</source>
        <translation>biofeedback — vista del cliente</translation>
    </message>
    <message>
        <source>Heart rate curve with the breathing guide, client view</source>
        <translation>Curva de frecuencia cardiaca con la guía de respiración, vista del cliente</translation>
    </message>
    <message>
        <source>Breathing pacer, client view</source>
        <translation>Guía de respiración, vista del cliente</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>A session is running</source>
        <translation>Hay una sesión en curso</translation>
    </message>
    <message>
        <source>Your session has run for {elapsed}. Stop it and close the window?</source>
        <translation>Tu sesión lleva {elapsed}. ¿Detenerla y cerrar la ventana?</translation>
    </message>
    <message>
        <source>Everything recorded so far is kept. With the check-in you can say how you feel now, before the window closes.</source>
        <translation>Todo lo grabado hasta ahora se guarda. Con el registro puedes decir cómo te sientes ahora, antes de que se cierre la ventana.</translation>
    </message>
    <message>
        <source>Stop, check in and close</source>
        <translation>Detener, registrar y cerrar</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Detener y cerrar</translation>
    </message>
    <message>
        <source>Keep practising</source>
        <translation>Seguir practicando</translation>
    </message>
</context>
<context>
    <name>Coach</name>
    <message>
        <source>Stream on Lab Streaming Layer (for a coach or a lab)</source>
        <translation>Transmitir por Lab Streaming Layer (para un coach o un laboratorio)</translation>
    </message>
    <message>
        <source>My name on Lab Streaming Layer…</source>
        <translation>Mi nombre en Lab Streaming Layer…</translation>
    </message>
    <message>
        <source>Coach view: every client on the network…</source>
        <translation>Vista del coach: todos los clientes de la red…</translation>
    </message>
    <message>
        <source>Name on Lab Streaming Layer</source>
        <translation>Nombre en Lab Streaming Layer</translation>
    </message>
    <message>
        <source>The name a coach sees on your tile:</source>
        <translation>El nombre que ve el coach en tu recuadro:</translation>
    </message>
    <message>
        <source>streaming on LSL as {name}</source>
        <translation>transmitiendo por LSL como {name}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>HR bpm</source>
        <translation>FC lpm</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coherencia</translation>
    </message>
    <message>
        <source>session</source>
        <translation>sesión</translation>
    </message>
    <message>
        <source>coherence {level}</source>
        <translation>coherencia {level}</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>lost since {clock}</source>
        <translation>perdido desde las {clock}</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>sin señal</translation>
    </message>
    <message>
        <source> · {percent} % corrected</source>
        <translation> · {percent} % corregidos</translation>
    </message>
    <message>
        <source>signal good</source>
        <translation>buena señal</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>heart rate</source>
        <translation>frecuencia cardiaca</translation>
    </message>
    <message>
        <source>breathing guide{rate} (up = inhale)</source>
        <translation>guía de respiración{rate} (arriba = inhalar)</translation>
    </message>
    <message>
        <source>biofeedback — coach view (read-only)</source>
        <translation>biofeedback — vista del coach (solo lectura)</translation>
    </message>
    <message>
        <source>Looking for biofeedback clients on the network (Lab Streaming Layer)…</source>
        <translation>Buscando clientes de biofeedback en la red (Lab Streaming Layer)…</translation>
    </message>
    <message>
        <source>, showing {name} (click it to see them all)</source>
        <translation>, mostrando {name} (haz clic para ver todos)</translation>
    </message>
    <message>
        <source>, showing {first}–{last}; scroll for the others</source>
        <translation>, mostrando {first}–{last}; desplázate para ver los demás</translation>
    </message>
    <message>
        <source>; scroll to see them</source>
        <translation>; desplázate para verlos</translation>
    </message>
    <message>
        <source>; {more} more found, not shown (at most {most} clients are read at once)</source>
        <translation>; {more} más encontrados, sin mostrar (se leen como máximo {most} clientes a la vez)</translation>
    </message>
</context>
<context>
    <name>Coherence</name>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>Coherence (McCraty &amp; Childre 2010): smoothed ratio of 64 s windows; low below {low}, high from {high}. Click (or Enter) to show the numbers.</source>
        <translation>Coherencia (McCraty y Childre 2010): cociente suavizado de ventanas de 64 s; baja por debajo de {low}, alta desde {high}. Haz clic (o pulsa Intro) para ver los números.</translation>
    </message>
    <message>
        <source>Coherence ring</source>
        <translation>Anillo de coherencia</translation>
    </message>
    <message>
        <source>waiting: coherence needs 64 s of beats</source>
        <translation>esperando: la coherencia necesita 64 s de latidos</translation>
    </message>
    <message>
        <source>coherence {level}, {numbers}</source>
        <translation>coherencia {level}, {numbers}</translation>
    </message>
    <message>
        <source>needs 64 s of beats</source>
        <translation>64 s de latidos</translation>
    </message>
    <message>
        <source>coherence {level}</source>
        <translation>coherencia {level}</translation>
    </message>
    <message>
        <source>ratio {ratio} · swing {swing}</source>
        <translation>cociente {ratio} · oscilación {swing}</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coherencia</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
</context>
<context>
    <name>Definitions</name>
    <message>
        <source>Minutes practised: the length of each practice session (start to end) plus each resonance assessment&apos;s paced blocks and rests, summed per ISO week (Monday to Sunday, local time).</source>
        <translation>Minutos practicados: la duración de cada sesión de práctica (de principio a fin) más los bloques guiados y los descansos de cada evaluación de resonancia, sumados por semana ISO (de lunes a domingo, hora local).</translation>
    </message>
    <message>
        <source>The plan&apos;s minutes for that week: sessions a day x minutes x days a week, in proportion to the days of the week inside the plan.</source>
        <translation>Los minutos del plan para esa semana: sesiones al día x minutos x días a la semana, en proporción a los días de la semana que caen dentro del plan.</translation>
    </message>
    <message>
        <source>Minutes practised divided by the week&apos;s target (100 % = as planned).</source>
        <translation>Minutos practicados divididos entre la meta de la semana (100 % = según lo previsto).</translation>
    </message>
    <message>
        <source>Check-in before a session, 0 (none) to 10 (worst/best imaginable), as the person answered it; the week&apos;s mean over the sessions where it was answered: the baseline trend.</source>
        <translation>Registro antes de una sesión, de 0 (nada) a 10 (lo peor/mejor imaginable), tal como lo respondió la persona; la media de la semana sobre las sesiones en que se respondió: la tendencia de partida.</translation>
    </message>
    <message>
        <source>After minus before within a session (negative = lower after); the week&apos;s mean over the sessions where both were answered.</source>
        <translation>Después menos antes dentro de una sesión (negativo = más bajo después); la media de la semana sobre las sesiones en que se respondieron ambos.</translation>
    </message>
    <message>
        <source>Heart-rate swing: per breath, the highest minus the lowest heart rate (Lehrer et al. 2000), averaged over a session&apos;s breaths; the week&apos;s median over sessions.</source>
        <translation>Oscilación de la frecuencia cardiaca: en cada respiración, la frecuencia cardiaca más alta menos la más baja (Lehrer et al. 2000), promediada sobre las respiraciones de una sesión; la mediana de la semana sobre las sesiones.</translation>
    </message>
    <message>
        <source>Coherence ratio (McCraty &amp; Childre 2010): power within 0.015 Hz of the highest peak in 0.04-0.26 Hz over the rest of the power in 0.0033-0.4 Hz, mean of 64 s windows stepped every 5 s over a session; the week&apos;s median over sessions.</source>
        <translation>Cociente de coherencia (McCraty &amp; Childre 2010): la potencia a menos de 0,015 Hz del pico más alto en 0,04-0,26 Hz dividida entre el resto de la potencia en 0,0033-0,4 Hz, media de ventanas de 64 s desplazadas cada 5 s a lo largo de una sesión; la mediana de la semana sobre las sesiones.</translation>
    </message>
    <message>
        <source>RMSSD: root mean square of successive differences between beats (Task Force 1996), over a whole session; the week&apos;s median over sessions.</source>
        <translation>RMSSD: raíz cuadrada de la media de los cuadrados de las diferencias sucesivas entre latidos (Task Force 1996), sobre una sesión completa; la mediana de la semana sobre las sesiones.</translation>
    </message>
    <message>
        <source>Trend: the Theil-Sen slope (median of pairwise slopes, Sen 1968) over sessions, per week; only with {sessions} sessions over {days} days or more.</source>
        <translation>Tendencia: la pendiente de Theil-Sen (mediana de las pendientes entre pares, Sen 1968) sobre las sesiones, por semana; solo con {sessions} sesiones a lo largo de {days} días o más.</translation>
    </message>
    <message>
        <source>Sessions kept but not counted anywhere here: shorter than the minimum length, on the simulated sensor, replays, or without a breathing pacer (record runs).</source>
        <translation>Sesiones guardadas pero que no cuentan en nada de lo que aparece aquí: más cortas que la duración mínima, con el sensor simulado, reproducciones o sin guía de respiración (grabaciones con record).</translation>
    </message>
    <message>
        <source>minimum length</source>
        <translation>duración mínima</translation>
    </message>
</context>
<context>
    <name>Disclaimer</name>
    <message>
        <source>biofeedback is a relaxation and self-observation tool, not a medical device. It does not diagnose, treat or prevent any condition; consult a health professional about your health.</source>
        <translation>biofeedback es una herramienta de relajación y autoobservación, no un dispositivo médico. No diagnostica, trata ni previene ninguna enfermedad; consulta a un profesional de la salud sobre tu salud.</translation>
    </message>
</context>
<context>
    <name>EyesClosed</name>
    <message>
        <source>Eyes closed</source>
        <translation>Ojos cerrados</translation>
    </message>
    <message>
        <source>Sound guide (eyes closed)</source>
        <translation>Guía sonora (ojos cerrados)</translation>
    </message>
    <message>
        <source>Breathing tone (pitch follows the guide)</source>
        <translation>Tono de respiración (la altura sigue la guía)</translation>
    </message>
    <message>
        <source>Coherence layer (brightens with coherence)</source>
        <translation>Capa de coherencia (se aclara con la coherencia)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Dim the screen (pacer stays faintly visible)</source>
        <translation>Atenuar la pantalla (la guía sigue apenas visible)</translation>
    </message>
    <message>
        <source>Sound guide on: the pitch rises as you breathe in and falls as you breathe out.</source>
        <translation>Guía sonora activada: el tono sube al inhalar y baja al exhalar.</translation>
    </message>
    <message>
        <source>Screen dimmed: click it or press Ctrl+D to bring it back.</source>
        <translation>Pantalla atenuada: haz clic en ella o pulsa Ctrl+D para recuperarla.</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>
&lt;p&gt;&lt;b&gt;What it is.&lt;/b&gt; A breathing trainer that shows your heart rhythm as it happens. A pacer shows
when to breathe in and out, slowly (about six breaths a minute); a sensor on your finger, ear or
chest gives your heart beats, and the screen shows how your heart rate rises and falls with each
breath. Practised regularly (most studies: about 20 minutes twice a day for some weeks), slow
breathing at your own &quot;resonance&quot; rate helps many people feel calmer and cope better with stress
and pain; the measured effects are small to moderate.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;What it is not.&lt;/b&gt; {disclaimer} It gives no diagnosis and no treatment, and does
not replace your doctor&apos;s care. If you have a heart condition, breathing difficulties or chronic
pain, ask a health professional before practising, and stop if you feel dizzy or short of breath:
breathe normally again.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The next few pages&lt;/b&gt; (each can be skipped): connect a sensor, a first {minutes}-minute session,
the resonance assessment when you are ready, and a plan.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;&lt;b&gt;Qué es.&lt;/b&gt; Un entrenador de la respiración que muestra tu ritmo cardiaco en el momento. Una guía indica
cuándo inhalar y exhalar, despacio (unas seis respiraciones por minuto); un sensor en el dedo, la oreja o el
pecho da tus latidos, y la pantalla muestra cómo tu frecuencia cardiaca sube y baja con cada
respiración. Con práctica regular (en la mayoría de los estudios, unos 20 minutos dos veces al día durante algunas semanas),
respirar despacio a tu propio ritmo de &quot;resonancia&quot; ayuda a muchas personas a sentirse más tranquilas y a sobrellevar mejor el estrés
y el dolor; los efectos medidos son de pequeños a moderados.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Qué no es.&lt;/b&gt; {disclaimer} No da diagnósticos ni tratamientos, y no
sustituye la atención de tu médico. Si tienes un problema del corazón, dificultades para respirar o dolor
crónico, consulta a un profesional de salud antes de practicar, y detente si te mareas o te falta el aire:
vuelve a respirar con normalidad.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Las siguientes páginas&lt;/b&gt; (puedes saltarte cualquiera): conectar un sensor, una primera sesión de {minutes} minutos,
la evaluación de resonancia cuando estés listo, y un plan.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>biofeedback — getting started</source>
        <translation>biofeedback — primeros pasos</translation>
    </message>
    <message>
        <source>Welcome: please read</source>
        <translation>Bienvenida: léelo, por favor</translation>
    </message>
    <message>
        <source>What this tool is and is not</source>
        <translation>Qué es esta herramienta y qué no es</translation>
    </message>
    <message>
        <source>Connect a sensor</source>
        <translation>Conecta un sensor</translation>
    </message>
    <message>
        <source>Use the simulated sensor</source>
        <translation>Usar el sensor simulado</translation>
    </message>
    <message>
        <source>Connect the sensor chosen in the Source box</source>
        <translation>Conectar el sensor elegido en el cuadro Fuente</translation>
    </message>
    <message>
        <source>Check my sensor…</source>
        <translation>Comprobar mi sensor…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Choose your sensor in the &lt;b&gt;Source&lt;/b&gt; box at the top of the main window (a finger or ear sensor on a serial port, a chest strap over Bluetooth), then connect it. No sensor yet? The simulated one behaves like a person breathing, so you can try everything (its sessions are kept but not counted as practice). &lt;b&gt;Check my sensor&lt;/b&gt; shows your pulse as it arrives and says when it sits well.</source>
        <translation>Elige tu sensor en el cuadro &lt;b&gt;Fuente&lt;/b&gt;, arriba en la ventana principal (un sensor de dedo o de oreja en un puerto serie, una banda de pecho por Bluetooth), y luego conéctalo. ¿Todavía no tienes sensor? El simulado se comporta como una persona que respira, así que puedes probarlo todo (sus sesiones se guardan pero no cuentan como práctica). &lt;b&gt;Comprobar mi sensor&lt;/b&gt; muestra tu pulso según llega y te dice cuándo está bien colocado.</translation>
    </message>
    <message>
        <source>A first session: {minutes} minutes</source>
        <translation>Una primera sesión: {minutes} minutos</translation>
    </message>
    <message>
        <source>Start a {minutes}-minute session</source>
        <translation>Iniciar una sesión de {minutes} minutos</translation>
    </message>
    <message>
        <source>Sit upright and at ease, feet on the floor, shoulders loose. Breathe in through the nose while the circle grows, out while it shrinks: low into the belly, slow, never forced. A short check-in asks how you feel before and after (you may skip it). This page steps aside while the session runs and comes back when it ends.</source>
        <translation>Siéntate erguido y a gusto, con los pies en el suelo y los hombros sueltos. Inhala por la nariz mientras el círculo crece y exhala mientras se encoge: abajo, hacia el vientre, despacio, sin forzar nunca. Un breve registro te pregunta cómo te sientes antes y después (puedes saltártelo). Esta página se aparta mientras dura la sesión y vuelve cuando termina.</translation>
    </message>
    <message>
        <source>Your resonance rate, when you are ready</source>
        <translation>Tu ritmo de resonancia, cuando estés listo</translation>
    </message>
    <message>
        <source>Find my resonance rate now…</source>
        <translation>Encontrar mi ritmo de resonancia ahora…</translation>
    </message>
    <message>
        <source>Each person&apos;s heart rhythm swings most at one breathing rate, usually between 4.5 and 6.5 breaths a minute. The assessment (about {minutes} minutes) paces you at five rates in turn and finds yours; its minutes count as practice. Do it once you are at ease with the pacer: today, or another day (the next step in the main window reminds you; Tools → Find my resonance rate… at any time).</source>
        <translation>El ritmo cardiaco de cada persona oscila más a un ritmo de respiración concreto, normalmente entre 4,5 y 6,5 respiraciones por minuto. La evaluación (unos {minutes} minutos) te guía por cinco ritmos, uno tras otro, y encuentra el tuyo; sus minutos cuentan como práctica. Hazla cuando te sientas cómodo con la guía: hoy u otro día (el siguiente paso en la ventana principal te lo recuerda; Herramientas → Encontrar mi ritmo de resonancia… en cualquier momento).</translation>
    </message>
    <message>
        <source>Choose a plan (you can change it later: Practice → Plan…)</source>
        <translation>Elige un plan (puedes cambiarlo después: Práctica → Plan…)</translation>
    </message>
    <message>
        <source>Learn → Today&apos;s lesson has a short read for each of the first two weeks; Learn → Practice reminders… can remind you at the times you pick.</source>
        <translation>Aprender → La lección de hoy tiene una lectura corta para cada día de las dos primeras semanas; Aprender → Recordatorios de práctica… puede avisarte a las horas que elijas.</translation>
    </message>
    <message>
        <source>Read today&apos;s lesson…</source>
        <translation>Leer la lección de hoy…</translation>
    </message>
    <message>
        <source>Save my plan</source>
        <translation>Guardar mi plan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected.&lt;/b&gt; Beats appear in the main window; go on with Next.</source>
        <translation>&lt;b&gt;Conectado.&lt;/b&gt; Los latidos aparecen en la ventana principal; sigue con Siguiente.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Aún sin conectar.</translation>
    </message>
    <message>
        <source>Connect a sensor first (the page before).</source>
        <translation>Conecta primero un sensor (la página anterior).</translation>
    </message>
    <message>
        <source>Session done. Well done: its summary is in the main window (and in History).</source>
        <translation>Sesión terminada. Bien hecho: su resumen está en la ventana principal (y en el Historial).</translation>
    </message>
    <message>
        <source>Session stopped early: you can start another.</source>
        <translation>La sesión se detuvo antes de tiempo: puedes iniciar otra.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>start or stop a session (the clock starts after the &quot;before&quot; check-in); on a button, check box or list that has the keyboard focus, Space presses or opens it instead</source>
        <translation>inicia o detiene una sesión (el reloj arranca después del registro «antes»); sobre un botón, una casilla o una lista que tenga el foco del teclado, Espacio lo pulsa o lo abre</translation>
    </message>
    <message>
        <source>↑ / ↓ (or → / ←)</source>
        <translation>↑ / ↓ (o → / ←)</translation>
    </message>
    <message>
        <source>pacer rate ±{step} breaths/min (a list with the focus takes ↑ / ↓ itself)</source>
        <translation>ritmo de la guía ±{step} resp/min (una lista con el foco usa ↑ / ↓ para sí misma)</translation>
    </message>
    <message>
        <source>moves the keyboard focus through the controls and the pacer (the plots are skipped; their values are read out by a screen reader)</source>
        <translation>mueve el foco del teclado por los controles y la guía (se saltan las gráficas; un lector de pantalla lee sus valores)</translation>
    </message>
    <message>
        <source>put a marker at this moment (during a session)</source>
        <translation>pone una marca en este momento (durante una sesión)</translation>
    </message>
    <message>
        <source>type a note for this moment (during a session)</source>
        <translation>escribe una nota para este momento (durante una sesión)</translation>
    </message>
    <message>
        <source>session history and progress over weeks</source>
        <translation>historial de sesiones y progreso a lo largo de las semanas</translation>
    </message>
    <message>
        <source>sound guide on or off: a tone that rises as you breathe in, for eyes closed (Tools → Eyes closed)</source>
        <translation>activa o desactiva la guía sonora: un tono que sube al inhalar, para practicar con los ojos cerrados (Herramientas → Ojos cerrados)</translation>
    </message>
    <message>
        <source>dim the screen, the pacer faintly visible (a click or Ctrl+D again lifts it)</source>
        <translation>atenúa la pantalla, con la guía apenas visible (un clic o Ctrl+D otra vez lo quita)</translation>
    </message>
    <message>
        <source>presentation: with another screen chosen (&quot;Screen 2&quot;), the client&apos;s view opens there and this window keeps every control; with one screen, this window in large type</source>
        <translation>presentación: con otra pantalla elegida («Pantalla 2»), la vista del cliente se abre allí y esta ventana conserva todos los controles; con una sola pantalla, esta ventana en letra grande</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>close the client&apos;s view, or leave presentation mode (back to the window as it was)</source>
        <translation>cierra la vista del cliente o sale del modo presentación (vuelve a la ventana como estaba)</translation>
    </message>
    <message>
        <source>this help</source>
        <translation>esta ayuda</translation>
    </message>
    <message>
        <source>quit; during a session it asks first: stop, answer the &quot;after&quot; check-in and close, or keep practising (what is recorded is always kept)</source>
        <translation>salir; durante una sesión pregunta antes: detener, responder el registro «después» y cerrar, o seguir practicando (lo grabado siempre se guarda)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What the numbers mean&lt;/h2&gt; &lt;p&gt;&lt;i&gt;{disclaimer}&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Qué significan los números&lt;/h2&gt; &lt;p&gt;&lt;i&gt;{disclaimer}&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Breathing pacer&lt;/h3&gt; &lt;p&gt;Breathe in while the circle grows and the wave rises; breathe out while it shrinks. Most adults see the largest heart-rate waves somewhere between 4.5 and 6.5 breaths per minute (their &quot;resonance&quot; rate). Change the rate with the arrow keys in steps of {step} ({min}–{max} breaths/min). Breathe gently: slow, not deep.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Guía de respiración&lt;/h3&gt; &lt;p&gt;Inhala mientras el círculo crece y la onda sube; exhala mientras se encoge. La mayoría de los adultos ven las ondas de frecuencia cardiaca más grandes entre 4,5 y 6,5 respiraciones por minuto (su ritmo de «resonancia»). Cambia el ritmo con las flechas en pasos de {step} ({min}–{max} resp/min). Respira con suavidad: lento, no profundo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Heart rate&lt;/h3&gt; &lt;p&gt;Beats per minute from the last 3 beat-to-beat intervals, so you can see it rise as you breathe in and fall as you breathe out. The tachogram plots every beat; crosses mark beats the software corrected (a likely detection error or, with an ECG, an ectopic beat of the heart).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frecuencia cardiaca&lt;/h3&gt; &lt;p&gt;Latidos por minuto a partir de los últimos 3 intervalos entre latidos, para que la veas subir al inhalar y bajar al exhalar. El tacograma dibuja cada latido; las cruces marcan los latidos que el programa corrigió (un probable error de detección o, con un ECG, un latido ectópico del corazón).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HR swing&lt;/h3&gt; &lt;p&gt;Highest minus lowest beat-to-beat heart rate during the last full breath of the pacer. At a comfortable slow rate many adults reach 10–20 bpm, others much less; it varies with age, fitness and the day. Larger is not a health score.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Oscilación de FC&lt;/h3&gt; &lt;p&gt;La frecuencia cardiaca latido a latido más alta menos la más baja durante la última respiración completa de la guía. A un ritmo lento y cómodo muchos adultos llegan a 10–20 lpm, otros a mucho menos; varía con la edad, la forma física y el día. Más grande no es una puntuación de salud.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RMSSD&lt;/h3&gt; &lt;p&gt;Root mean square of successive differences between beat intervals (Task Force 1996), over the last {rmssd_s} s. It mostly reflects fast, breath-by-breath changes. Typical resting adult values span roughly 15–80 ms and fall with age; compare only with yourself, same posture, same time of day.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RMSSD&lt;/h3&gt; &lt;p&gt;Raíz cuadrática media de las diferencias sucesivas entre intervalos de latidos (Task Force 1996), en los últimos {rmssd_s} s. Refleja sobre todo los cambios rápidos, de una respiración a otra. Los valores típicos de un adulto en reposo van aproximadamente de 15 a 80 ms y bajan con la edad; compárate solo contigo, en la misma postura y a la misma hora del día.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence&lt;/h3&gt; &lt;p&gt;HeartMath&apos;s ratio (McCraty &amp;amp; Childre 2010) over the last {window_s} s: the power of the highest peak between 0.04 and 0.26 Hz divided by the rest of the spectrum. A smooth, regular, wave-like heart rhythm gives a high ratio. This app shows the raw ratio, not HeartMath&apos;s proprietary 0–16 score; values above about 1 mean one rhythm dominates.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coherencia&lt;/h3&gt; &lt;p&gt;El cociente de HeartMath (McCraty y Childre 2010) en los últimos {window_s} s: la potencia del pico más alto entre 0,04 y 0,26 Hz dividida por el resto del espectro. Un ritmo cardiaco suave, regular y ondulado da un cociente alto. Esta aplicación muestra el cociente sin procesar, no la puntuación propietaria 0–16 de HeartMath; valores por encima de 1, aproximadamente, indican que domina un ritmo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Spectrum&lt;/h3&gt; &lt;p&gt;How much of the heart-rate variation happens at each speed, over the last {spectrum_s} s. Shaded bands: VLF (below 0.04 Hz), LF (0.04–0.15 Hz), HF (0.15–0.4 Hz). The dashed line is the pacer&apos;s rate; slow breathing at 6 per minute puts a peak at 0.1 Hz, inside LF: expected during paced breathing, not a sign of anything.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Espectro&lt;/h3&gt; &lt;p&gt;Cuánta de la variación de la frecuencia cardiaca ocurre a cada velocidad, en los últimos {spectrum_s} s. Bandas sombreadas: VLF (por debajo de 0,04 Hz), LF (0,04–0,15 Hz), HF (0,15–0,4 Hz). La línea discontinua es el ritmo de la guía; respirar despacio a 6 por minuto pone un pico en 0,1 Hz, dentro de LF: es lo esperado al respirar con guía, no es señal de nada.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signal quality&lt;/h3&gt; &lt;p&gt;&quot;Finger off&quot;, &quot;no signal&quot; and &quot;saturated&quot; mean the sensor cannot see a clean pulse; numbers stop instead of guessing. If more than {artifact_pct} % of beats needed correction, the numbers are unreliable: sit still, warm your hands, and check the clip.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Calidad de la señal&lt;/h3&gt; &lt;p&gt;«El dedo no está en el sensor», «sin señal» y «señal saturada» significan que el sensor no ve un pulso limpio; los números se detienen en vez de adivinar. Si más del {artifact_pct} % de los latidos necesitó corrección, los números no son fiables: quédate quieto, calienta las manos y revisa la pinza.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pulse direction&lt;/h3&gt; &lt;p&gt;A finger sensor&apos;s value rises when blood arrives; in some (a MAX3010x&apos;s raw readings) it falls. The app reads which way from the pulse&apos;s shape: a quick rise and a slow fall. When the shape does not show it clearly, the status line says &quot;pulse direction unclear&quot;, and the beats may sit on the wrong part of each pulse until a few clear pulses settle it: sit still and check the sensor. A device that declares its direction is never in doubt. If you know which way your sensor&apos;s wave goes, choose it in Tools → Pulse direction: it holds from then on, over anything the sensor says.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dirección del pulso&lt;/h3&gt; &lt;p&gt;El valor de un sensor de dedo sube cuando llega la sangre; en algunos (las lecturas crudas de un MAX3010x) baja. La aplicación deduce el sentido por la forma del pulso: una subida rápida y una bajada lenta. Cuando la forma no lo muestra con claridad, la línea de estado dice «dirección del pulso incierta» y los latidos pueden quedar en la parte equivocada de cada pulso hasta que unos pulsos claros lo resuelvan: quédate quieto y revisa el sensor. Un dispositivo que declara su sentido nunca deja dudas. Si sabes hacia dónde va la onda de tu sensor, elígelo en Herramientas → Dirección del pulso: se mantiene desde entonces, por encima de lo que diga el sensor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence ring&lt;/h3&gt; &lt;p&gt;The coherence number, the ring beside the trends and the level in presentation mode all show one value: the coherence ratio of {window_s} s windows, smoothed over the last {updates} updates (about {smooth_s} s) so it guides rather than jumps. Its level is &lt;b&gt;low&lt;/b&gt; below {low}, &lt;b&gt;medium&lt;/b&gt; from {low} and &lt;b&gt;high&lt;/b&gt; from {high}. So that it does not flicker at a threshold, the level rises only once the value is {hysteresis_pct} % past it, falls only once the value is {hysteresis_pct} % below it, and holds at least {dwell_s} s; the caption under the number says where the current level holds. The ring&apos;s three arcs are the levels; the current one is drawn bold, its name is written inside, and the inner circle grows with the value. It needs {window_s} s of beats before it shows anything, and then changes every {step_s} s, so give it time rather than chasing it. Click the ring (or Enter on it) to show the numbers (the value and the last breath&apos;s HR swing). The thresholds are this app&apos;s choice on the raw ratio, not HeartMath&apos;s score; the coherence trend plots each window&apos;s exact ratio.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Anillo de coherencia&lt;/h3&gt; &lt;p&gt;El número de coherencia, el anillo junto a las tendencias y el nivel del modo presentación muestran un mismo valor: el cociente de coherencia de ventanas de {window_s} s, suavizado sobre las últimas {updates} actualizaciones (unos {smooth_s} s) para que guíe en vez de saltar. Su nivel es &lt;b&gt;bajo&lt;/b&gt; por debajo de {low}, &lt;b&gt;medio&lt;/b&gt; desde {low} y &lt;b&gt;alto&lt;/b&gt; desde {high}. Para que no parpadee en un umbral, el nivel sube solo cuando el valor lo supera en un {hysteresis_pct} %, baja solo cuando queda un {hysteresis_pct} % por debajo, y se mantiene al menos {dwell_s} s; el texto bajo el número dice hasta dónde se mantiene el nivel actual. Los tres arcos del anillo son los niveles; el actual se dibuja en negrita, su nombre va dentro y el círculo interior crece con el valor. Necesita {window_s} s de latidos antes de mostrar algo y luego cambia cada {step_s} s: dale tiempo en vez de perseguirlo. Haz clic en el anillo (o pulsa Intro sobre él) para ver los números (el valor y la oscilación de FC de la última respiración). Los umbrales son una elección de esta aplicación sobre el cociente sin procesar, no la puntuación de HeartMath; la tendencia de coherencia dibuja el cociente exacto de cada ventana.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;When data stop&lt;/h3&gt; &lt;p&gt;When no beat has arrived for {stale_s} s (a finger lifted, a cable pulled), after Disconnect, or when a replay ends, every number shows &quot;–&quot;, the ring and the presentation level say &quot;waiting&quot;, and the heart-rate curve says &quot;waiting for beats&quot;. The curve is never drawn across missing data: it breaks where beats were lost.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cuando se detienen los datos&lt;/h3&gt; &lt;p&gt;Cuando no llega ningún latido durante {stale_s} s (un dedo levantado, un cable desconectado), después de Desconectar, o cuando termina una reproducción, cada número muestra «–», el anillo y el nivel de presentación dicen «esperando», y la curva de frecuencia cardiaca dice que espera latidos. La curva nunca se dibuja sobre datos que faltan: se interrumpe donde se perdieron latidos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your plan and today&apos;s dose&lt;/h3&gt; &lt;p&gt;Practice → Plan… chooses how long and how often to practise (Lehrer: the resonance assessment, then 2 × 20 min a day for 10 weeks; short daily: 3 × 5 min; or your own). The line above the not-a-medical-device notice shows today&apos;s minutes and sessions against it and the next step. Only practice counts: sessions on a sensor, with the pacer, at least the minimum length; assessments count as minutes. Sessions on the simulated sensor, replays and short ones are kept but not counted. Practice → Weekly review… shows your weeks against the plan, how pain, stress and mood before sessions changed, and your resonance rate; a new assessment is offered after some weeks, never forced. Practice → Getting started… shows the first steps again.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tu plan y la dosis de hoy&lt;/h3&gt; &lt;p&gt;Práctica → Plan… elige cuánto tiempo y con qué frecuencia practicar (Lehrer: la evaluación de resonancia y luego 2 × 20 min al día durante 10 semanas; corto diario: 3 × 5 min; o el tuyo propio). La línea sobre el aviso de que no es un dispositivo médico muestra los minutos y sesiones de hoy frente al plan y el siguiente paso. Solo cuenta la práctica: sesiones con un sensor, con la guía y de al menos la duración mínima; las evaluaciones cuentan como minutos. Las sesiones con el sensor simulado, las reproducciones y las cortas se guardan pero no cuentan. Práctica → Repaso semanal… muestra tus semanas frente al plan, cómo cambiaron el dolor, el estrés y el ánimo antes de las sesiones, y tu ritmo de resonancia; tras algunas semanas se ofrece una nueva evaluación, nunca se impone. Práctica → Primeros pasos… vuelve a mostrar los primeros pasos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keys&lt;/h3&gt; {keys}</source>
        <translation>&lt;h3&gt;Teclas&lt;/h3&gt; {keys}</translation>
    </message>
    <message>
        <source>biofeedback: help</source>
        <translation>biofeedback: ayuda</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>id</source>
        <translation>n.º</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duración</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>pacer</source>
        <translation>guía</translation>
    </message>
    <message>
        <source>mean HR</source>
        <translation>FC media</translation>
    </message>
    <message>
        <source>RMSSD</source>
        <translation>RMSSD</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coherencia</translation>
    </message>
    <message>
        <source>artifacts</source>
        <translation>artefactos</translation>
    </message>
    <message>
        <source>check-in before → after</source>
        <translation>registro antes → después</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notas…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportar informe…</translation>
    </message>
    <message>
        <source>Progress report…</source>
        <translation>Informe de progreso…</translation>
    </message>
    <message>
        <source>The weeks of practice as a PDF for a clinician or coach: plan, adherence, check-ins, heart rhythm, how each number is defined</source>
        <translation>Las semanas de práctica en un PDF para un profesional o un coach: plan, adherencia, registros, ritmo cardiaco y cómo se define cada número</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play the session through the live view again</source>
        <translation>Vuelve a reproducir la sesión en la vista en vivo</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Renombrar la sesión</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notas de la sesión</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Eliminar la sesión</translation>
    </message>
    <message>
        <source>Delete the session of {date} ({name}) with all its beats and raw data? This cannot be undone.</source>
        <translation>¿Eliminar la sesión del {date} ({name}) con todos sus latidos y datos sin procesar? No se puede deshacer.</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exportar la sesión</translation>
    </message>
    <message>
        <source>exporting to {file}…</source>
        <translation>exportando a {file}…</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>Informe de progreso</translation>
    </message>
    <message>
        <source>writing the progress report to {file}…</source>
        <translation>escribiendo el informe de progreso en {file}…</translation>
    </message>
    <message>
        <source>written: {file}</source>
        <translation>escrito: {file}</translation>
    </message>
    <message>
        <source>export failed</source>
        <translation>la exportación falló</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>no: short</source>
        <translation>no: corta</translation>
    </message>
    <message>
        <source>no: simulated</source>
        <translation>no: simulada</translation>
    </message>
    <message>
        <source>no: replay</source>
        <translation>no: reproducción</translation>
    </message>
    <message>
        <source>no: no pacer</source>
        <translation>no: sin guía</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>(en curso)</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>(interrumpida)</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>estrés</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>dolor</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>ánimo</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>el idioma del sistema</translation>
    </message>
    <message>
        <source>The window will be in {language} from the next start.</source>
        <translation>La ventana estará en {language} a partir del próximo inicio.</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <source>Lessons — breathing, heart rhythm and pain, in plain words</source>
        <translation>Lecciones: respiración, ritmo cardiaco y dolor, en palabras sencillas</translation>
    </message>
    <message>
        <source>Lessons by day</source>
        <translation>Lecciones por día</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>Texto de la lección</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Anterior</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Siguiente →</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Lesson {day} of {days} (today&apos;s lesson): a few minutes to read. Each lesson names its sources at the end.</source>
        <translation>Lección {day} de {days} (la lección de hoy): unos minutos de lectura. Cada lección cita sus fuentes al final.</translation>
    </message>
    <message>
        <source>Lesson {day} of {days}: a few minutes to read. Each lesson names its sources at the end.</source>
        <translation>Lección {day} de {days}: unos minutos de lectura. Cada lección cita sus fuentes al final.</translation>
    </message>
    <message>
        <source>  · today</source>
        <translation>  · hoy</translation>
    </message>
    <message>
        <source>Day {day}: {title}</source>
        <translation>Día {day}: {title}</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Aprender</translation>
    </message>
    <message>
        <source>Today&apos;s lesson</source>
        <translation>La lección de hoy</translation>
    </message>
    <message>
        <source>All lessons…</source>
        <translation>Todas las lecciones…</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (day {day} of {days}, new)</source>
        <translation>La lección de hoy (día {day} de {days}, nueva)</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (day {day} of {days})</source>
        <translation>La lección de hoy (día {day} de {days})</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (the two weeks are over: all stay under All lessons)</source>
        <translation>La lección de hoy (las dos semanas terminaron: todas siguen en Todas las lecciones)</translation>
    </message>
    <message>
        <source>The lessons could not be read: {error}</source>
        <translation>No se pudieron leer las lecciones: {error}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Light / dark theme</source>
        <translation>Tema claro / oscuro</translation>
    </message>
    <message>
        <source>Presentation mode (Esc leaves it)	F11</source>
        <translation>Modo presentación (Esc para salir)	F11</translation>
    </message>
    <message>
        <source>Help: numbers, ring and keys	F1</source>
        <translation>Ayuda: números, anillo y teclas	F1</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>Choose a plan: a daily dose gives the practice a shape.</source>
        <translation>Elige un plan: una dosis diaria le da forma a la práctica.</translation>
    </message>
    <message>
        <source>Your plan starts on {date}.</source>
        <translation>Tu plan empieza el {date}.</translation>
    </message>
    <message>
        <source>Your plan is complete: review your weeks, then choose what comes next.</source>
        <translation>Tu plan está completo: repasa tus semanas y luego elige qué sigue.</translation>
    </message>
    <message>
        <source>First, the resonance assessment (about 10 min) finds the breathing rate to practise at.</source>
        <translation>Primero, la evaluación de resonancia (unos 10 min) encuentra el ritmo de respiración al que practicar.</translation>
    </message>
    <message>
        <source>A new week of your plan: look at the weekly review.</source>
        <translation>Una nueva semana de tu plan: mira el repaso semanal.</translation>
    </message>
    <message>
        <source>Session {n} of {target} today: {minutes} min ({left} min left today).</source>
        <translation>Sesión {n} de {target} hoy: {minutes} min (quedan {left} min hoy).</translation>
    </message>
    <message>
        <source>Today&apos;s practice is done. A new resonance assessment is offered: your last was {weeks} weeks ago.</source>
        <translation>La práctica de hoy está hecha. Se ofrece una nueva evaluación de resonancia: la última fue hace {weeks} semanas.</translation>
    </message>
    <message>
        <source>Today&apos;s practice is done.</source>
        <translation>La práctica de hoy está hecha.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Session not fully saved: {error}</source>
        <translation>La sesión no se guardó por completo: {error}</translation>
    </message>
    <message>
        <source>The session could not start: {error}</source>
        <translation>No se pudo iniciar la sesión: {error}</translation>
    </message>
    <message>
        <source>Sessions are not being saved: {error}</source>
        <translation>Las sesiones no se están guardando: {error}</translation>
    </message>
    <message>
        <source>The export to {path} failed: {error}</source>
        <translation>La exportación a {path} falló: {error}</translation>
    </message>
    <message>
        <source>This session is not being saved: {error}</source>
        <translation>Esta sesión no se está guardando: {error}</translation>
    </message>
    <message>
        <source>The session store {path} is busy: another program has kept it locked; nothing was lost, try again in a moment.</source>
        <translation>El almacén de sesiones {path} está ocupado: otro programa lo mantiene bloqueado; no se ha perdido nada, pruebe de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The disk holding the session store {path} is full; free some space and try again.</source>
        <translation>El disco que contiene el almacén de sesiones {path} está lleno; libere espacio y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>The session store {path} is read-only, so nothing can be saved to it.</source>
        <translation>El almacén de sesiones {path} es de solo lectura, así que no se puede guardar nada en él.</translation>
    </message>
    <message>
        <source>The session store {path} is damaged ({error}).</source>
        <translation>El almacén de sesiones {path} está dañado ({error}).</translation>
    </message>
    <message>
        <source>The session store {path} could not be read or written (a disk error).</source>
        <translation>No se pudo leer ni escribir el almacén de sesiones {path} (un error de disco).</translation>
    </message>
    <message>
        <source>The session store {path} cannot be opened; check that its folder exists and is readable.</source>
        <translation>No se puede abrir el almacén de sesiones {path}; compruebe que su carpeta existe y se puede leer.</translation>
    </message>
    <message>
        <source>The session store {path} is damaged, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>El almacén de sesiones {path} está dañado, pero otro programa lo está usando, así que se dejó donde estaba; cierre las demás ventanas y grabaciones de biofeedback y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>The session store {path} is not a biofeedback store, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>El almacén de sesiones {path} no es un almacén de biofeedback, pero otro programa lo está usando, así que se dejó donde estaba; cierre las demás ventanas y grabaciones de biofeedback y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>The session store {path} was damaged; it was kept as {name} and a fresh store was started.</source>
        <translation>El almacén de sesiones {path} estaba dañado; se conservó como {name} y se empezó uno nuevo.</translation>
    </message>
    <message>
        <source>The session store {path} was not a biofeedback store; it was kept as {name} and a fresh store was started.</source>
        <translation>El almacén de sesiones {path} no era un almacén de biofeedback; se conservó como {name} y se empezó uno nuevo.</translation>
    </message>
    <message>
        <source>The session store folder {folder} cannot be created ({error}); set BIOFEEDBACK_DATA_DIR to a writable folder.</source>
        <translation>No se puede crear la carpeta del almacén de sesiones {folder} ({error}); ponga en BIOFEEDBACK_DATA_DIR una carpeta en la que se pueda escribir.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only and holds no sessions yet; set BIOFEEDBACK_DATA_DIR to a writable folder to save sessions.</source>
        <translation>La carpeta del almacén de sesiones {folder} es de solo lectura y aún no contiene sesiones; ponga en BIOFEEDBACK_DATA_DIR una carpeta en la que se pueda escribir para guardar sesiones.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only: your history can be read, but new sessions cannot be saved there.</source>
        <translation>La carpeta del almacén de sesiones {folder} es de solo lectura: su historial se puede leer, pero no se pueden guardar sesiones nuevas en ella.</translation>
    </message>
    <message>
        <source>Cannot save to the session store {path}: its folder is read-only; set BIOFEEDBACK_DATA_DIR to a writable folder.</source>
        <translation>No se puede guardar en el almacén de sesiones {path}: su carpeta es de solo lectura; ponga en BIOFEEDBACK_DATA_DIR una carpeta en la que se pueda escribir.</translation>
    </message>
    <message>
        <source>The session store {path} was written by a newer version of biofeedback (schema {version}; this version reads up to {supported}). Nothing was changed: update biofeedback, or set BIOFEEDBACK_DATA_DIR to use another folder.</source>
        <translation>El almacén de sesiones {path} lo escribió una versión más nueva de biofeedback (esquema {version}; esta versión lee hasta el {supported}). No se cambió nada: actualice biofeedback o ponga en BIOFEEDBACK_DATA_DIR otra carpeta.</translation>
    </message>
    <message>
        <source>The session store {path} failed: {error}.</source>
        <translation>El almacén de sesiones {path} falló: {error}.</translation>
    </message>
    <message>
        <source>not saving: {reason}</source>
        <translation>sin guardar ({reason})</translation>
    </message>
    <message>
        <source>the store is locked by another program</source>
        <translation>el almacén está bloqueado por otro programa</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>disco lleno</translation>
    </message>
    <message>
        <source>the store is read-only</source>
        <translation>el almacén es de solo lectura</translation>
    </message>
    <message>
        <source>the store is damaged</source>
        <translation>el almacén está dañado</translation>
    </message>
    <message>
        <source>disk error</source>
        <translation>error de disco</translation>
    </message>
    <message>
        <source>the store cannot be opened</source>
        <translation>el almacén no se puede abrir</translation>
    </message>
    <message>
        <source>Some settings could not be used and are back to their defaults: {problems}. The others are kept. {kept}</source>
        <translation>Algunos ajustes no se pudieron usar y vuelven a sus valores predeterminados: {problems}. Los demás se conservan. {kept}</translation>
    </message>
    <message>
        <source>The file as it was is kept as {name}.</source>
        <translation>El archivo tal como estaba se conserva como {name}.</translation>
    </message>
    <message>
        <source>The file could not be kept aside ({error}); it is written over when the app closes.</source>
        <translation>No se pudo apartar el archivo ({error}); se sobrescribe al cerrar la aplicación.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({error}). Default settings are in use. {where}</source>
        <translation>No se pudo leer su archivo de ajustes ({error}). Se usan los ajustes predeterminados. {where}</translation>
    </message>
    <message>
        <source>The unreadable file was kept as {name}.</source>
        <translation>El archivo ilegible se conservó como {name}.</translation>
    </message>
    <message>
        <source>The unreadable file could not be moved aside ({error}).</source>
        <translation>No se pudo apartar el archivo ilegible ({error}).</translation>
    </message>
    <message>
        <source>{name} {value} (true or false expected)</source>
        <translation>{name} {value} (se esperaba true o false)</translation>
    </message>
    <message>
        <source>{name} {value} (a number expected)</source>
        <translation>{name} {value} (se esperaba un número)</translation>
    </message>
    <message>
        <source>{name} {value} (text expected)</source>
        <translation>{name} {value} (se esperaba texto)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed a finite number)</source>
        <translation>{name} {value} (permitido: un número finito)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed a date such as 2026-12-07, or empty)</source>
        <translation>{name} {value} (permitido: una fecha como 2026-12-07, o vacío)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed lesson days separated by commas, such as 1,2,3)</source>
        <translation>{name} {value} (permitido: días de lección separados por comas, como 1,2,3)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed times of day as HH:MM separated by commas, at most {most})</source>
        <translation>{name} {value} (permitido: horas del día como HH:MM separadas por comas, como máximo {most})</translation>
    </message>
    <message>
        <source>{name} {value} (allowed {low} to {high})</source>
        <translation>{name} {value} (permitido: de {low} a {high})</translation>
    </message>
    <message>
        <source>{name} {value} (allowed {choices})</source>
        <translation>{name} {value} (permitido: {choices})</translation>
    </message>
    <message>
        <source>(a number of {digits} digits)</source>
        <translation>(un número de {digits} cifras)</translation>
    </message>
    <message>
        <source>{part} is not a time of day: write it as HH:MM, such as 08:00 or 18:30.</source>
        <translation>{part} no es una hora del día: escríbala como HH:MM, por ejemplo 08:00 o 18:30.</translation>
    </message>
    <message>
        <source>{count} reminder times: at most {most} a day.</source>
        <translation>{count} horas de recordatorio: como máximo {most} al día.</translation>
    </message>
    <message>
        <source>; install libpulse0 (PulseAudio client library)</source>
        <translation>; instale libpulse0 (la biblioteca cliente de PulseAudio)</translation>
    </message>
    <message>
        <source>; no sound server answered: start PulseAudio or PipeWire&apos;s pulse service (pipewire-pulse)</source>
        <translation>; ningún servidor de sonido respondió: inicie PulseAudio o el servicio pulse de PipeWire (pipewire-pulse)</translation>
    </message>
    <message>
        <source>Serial ports unavailable: {error}</source>
        <translation>Puertos serie no disponibles: {error}</translation>
    </message>
    <message>
        <source>Could not list serial ports: {error}</source>
        <translation>No se pudieron listar los puertos serie: {error}</translation>
    </message>
    <message>
        <source>No strap found in {seconds} s: put it on (wet electrodes wake it up) and try again.</source>
        <translation>No se encontró ninguna banda en {seconds} s: póngasela (los electrodos húmedos la despiertan) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: CH340/CH341 (WCH&apos;s CH341SER), CP210x (Silicon Labs&apos; CP210x VCP driver) or PL2303 (Prolific&apos;s PL2303 driver); FTDI and Arduino boards get theirs from Windows Update or the Arduino IDE. Device Manager shows such a sensor under &apos;Other devices&apos; with a warning sign.</source>
        <translation>Si el sensor está conectado y no aparece ningún puerto, su puente USB-serie puede necesitar un controlador: CH340/CH341 (CH341SER de WCH), CP210x (el controlador CP210x VCP de Silicon Labs) o PL2303 (el controlador PL2303 de Prolific); las placas FTDI y Arduino obtienen el suyo de Windows Update o del IDE de Arduino. El Administrador de dispositivos muestra ese sensor en «Otros dispositivos» con un signo de advertencia.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: a PL2303 needs Prolific&apos;s PL2303 driver; on macOS before 11 a CH340/CH341 needs WCH&apos;s CH34x driver and a CP210x Silicon Labs&apos; VCP driver. System Information &gt; USB lists the sensor even without one.</source>
        <translation>Si el sensor está conectado y no aparece ningún puerto, su puente USB-serie puede necesitar un controlador: un PL2303 necesita el controlador PL2303 de Prolific; en macOS anterior a 11, un CH340/CH341 necesita el controlador CH34x de WCH y un CP210x el controlador VCP de Silicon Labs. Información del sistema &gt; USB muestra el sensor incluso sin él.</translation>
    </message>
    <message>
        <source>No permission to open {port}. Close other programs using it, or check the port&apos;s permissions.</source>
        <translation>Sin permiso para abrir {port}. Cierre los demás programas que lo usen o revise los permisos del puerto.</translation>
    </message>
    <message>
        <source>No permission to open {port} yet: you are in the &apos;{group}&apos; group, but this login started before you were added. Log out and back in (or restart), then try again.</source>
        <translation>Aún sin permiso para abrir {port}: está en el grupo &apos;{group}&apos;, pero esta sesión empezó antes de que se le añadiera. Cierre la sesión y vuelva a entrar (o reinicie) y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>No permission to open {port}: it belongs to the &apos;{group}&apos; group and you are not in it. Add yourself once with
  sudo usermod -aG {group} $USER
then log out and back in (the group counts from a new login). Or let the logged-in user open sensor ports without it: `biofeedback install-udev` prints the one command.</source>
        <translation>Sin permiso para abrir {port}: pertenece al grupo &apos;{group}&apos; y usted no está en él. Añádase una vez con
  sudo usermod -aG {group} $USER
y luego cierre la sesión y vuelva a entrar (el grupo cuenta desde un nuevo inicio de sesión). O deje que el usuario con la sesión iniciada abra los puertos de sensores sin él: `biofeedback install-udev` muestra la única orden necesaria.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: ModemManager (pid {pid}) is probing it as if it were a modem, which it does for about 10 s after a board is plugged in. Wait and try again; to stop it for good, install our udev rules (`biofeedback install-udev` prints the command) or, with no modem on this computer, `sudo systemctl disable --now ModemManager`.</source>
        <translation>{port} está en uso por otro programa: ModemManager (pid {pid}) lo está sondeando como si fuera un módem, cosa que hace durante unos 10 s después de conectar una placa. Espere y pruebe de nuevo; para evitarlo del todo, instale nuestras reglas udev (`biofeedback install-udev` muestra la orden) o, si este ordenador no tiene módem, `sudo systemctl disable --now ModemManager`.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: {names}. Close it (e.g. the Arduino serial monitor) and retry.</source>
        <translation>{port} está en uso por otro programa: {names}. Ciérrelo (p. ej. el monitor serie de Arduino) y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry. If you just plugged the sensor in, ModemManager may be probing it for about 10 s: wait and retry, or install our udev rules so it leaves sensors alone (`biofeedback install-udev`).</source>
        <translation>{port} está en uso por otro programa. Ciérrelo (p. ej. el monitor serie de Arduino, otra ventana de biofeedback) y pruebe de nuevo. Si acaba de conectar el sensor, puede que ModemManager lo esté sondeando durante unos 10 s: espere y pruebe de nuevo, o instale nuestras reglas udev para que deje en paz a los sensores (`biofeedback install-udev`).</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry.</source>
        <translation>{port} está en uso por otro programa. Ciérrelo (p. ej. el monitor serie de Arduino, otra ventana de biofeedback) y pruebe de nuevo.</translation>
    </message>
    <message>
        <source>There is no serial port called {port}. Check the name with `biofeedback ports`.</source>
        <translation>No hay ningún puerto serie llamado {port}. Compruebe el nombre con `biofeedback ports`.</translation>
    </message>
    <message>
        <source>Nothing is listening at {port}.</source>
        <translation>No hay nada escuchando en {port}.</translation>
    </message>
    <message>
        <source>Cannot open {port}: {error}</source>
        <translation>No se puede abrir {port}: {error}</translation>
    </message>
    <message>
        <source>Opening {port}…</source>
        <translation>Abriendo {port}…</translation>
    </message>
    <message>
        <source>Lost {port}: is the cable plugged in? Retrying…</source>
        <translation>Conexión con {port} perdida: ¿está conectado el cable? Reintentando…</translation>
    </message>
    <message>
        <source>Trying {port} again…</source>
        <translation>Probando {port} de nuevo…</translation>
    </message>
    <message>
        <source>Could not recognise the device on {port}. Tried {tried} (listened {total_s} s in all). Received {what}. Check the baud rate and the sketch, or pick the protocol by hand.</source>
        <translation>No se pudo reconocer el dispositivo en {port}. Se probó {tried} (escuchando {total_s} s en total). Se recibió: {what}. Revisa la velocidad en baudios y el sketch, o elige el protocolo a mano.</translation>
    </message>
    <message>
        <source>nothing at all</source>
        <translation>nada en absoluto</translation>
    </message>
    <message>
        <source>A different device ({other}) answered on {port}, not {device}; its data is not used. Waiting for {device}…</source>
        <translation>Un dispositivo distinto ({other}) respondió en {port}, no {device}; sus datos no se usan. Esperando a {device}…</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in the desktop&apos;s Bluetooth settings or with `bluetoothctl power on`.</source>
        <translation>El Bluetooth está apagado. Actívelo en los ajustes de Bluetooth del escritorio o con `bluetoothctl power on`.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in System Settings &gt; Bluetooth.</source>
        <translation>El Bluetooth está apagado. Actívelo en Ajustes del Sistema &gt; Bluetooth.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in Settings &gt; Bluetooth &amp; devices.</source>
        <translation>El Bluetooth está apagado. Actívelo en Configuración &gt; Bluetooth y dispositivos.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter is available: plug one in, or start the Bluetooth service (BlueZ) with `sudo systemctl start bluetooth`.</source>
        <translation>No hay ningún adaptador Bluetooth disponible: conecte uno o inicie el servicio Bluetooth (BlueZ) con `sudo systemctl start bluetooth`.</translation>
    </message>
    <message>
        <source>This Mac reports no Bluetooth hardware.</source>
        <translation>Este Mac no indica ningún hardware Bluetooth.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found. Check Settings &gt; Bluetooth &amp; devices, or the adapter&apos;s driver in Device Manager.</source>
        <translation>No se encontró ningún adaptador Bluetooth. Revise Configuración &gt; Bluetooth y dispositivos, o el controlador del adaptador en el Administrador de dispositivos.</translation>
    </message>
    <message>
        <source>Permission to use Bluetooth was denied: add your user to the &apos;bluetooth&apos; group (then log in again), or ask the administrator to allow BlueZ for it.</source>
        <translation>Se denegó el permiso para usar Bluetooth: añada su usuario al grupo &apos;bluetooth&apos; (y vuelva a iniciar sesión), o pida al administrador que le permita usar BlueZ.</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: allow it (or the terminal it runs in) in System Settings &gt; Privacy &amp; Security &gt; Bluetooth, then try again.</source>
        <translation>Esta aplicación no tiene permiso para usar Bluetooth: permítalo (a ella o al terminal en que se ejecuta) en Ajustes del Sistema &gt; Privacidad y seguridad &gt; Bluetooth y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Windows denied Bluetooth to this app: allow apps to use Bluetooth in Settings &gt; Privacy &amp; security, then try again.</source>
        <translation>Windows denegó el Bluetooth a esta aplicación: permita que las aplicaciones usen Bluetooth en Configuración &gt; Privacidad y seguridad y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>no value</source>
        <translation>sin valor</translation>
    </message>
    <message>
        <source>smoothed ratio, {seconds} s windows</source>
        <translation>cociente suavizado, ventanas de {seconds} s</translation>
    </message>
    <message>
        <source>smoothed; low until {value}</source>
        <translation>suavizado; baja hasta {value}</translation>
    </message>
    <message>
        <source>smoothed; medium from {low} to {high}</source>
        <translation>suavizado; media de {low} a {high}</translation>
    </message>
    <message>
        <source>smoothed; high down to {value}</source>
        <translation>suavizado; alta hasta bajar a {value}</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>bpm, last 3 beats</source>
        <translation>lpm, últimos 3 latidos</translation>
    </message>
    <message>
        <source>ms, last {seconds} s</source>
        <translation>ms, últimos {seconds} s</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coherencia</translation>
    </message>
    <message>
        <source>HR swing</source>
        <translation>Oscilación de FC</translation>
    </message>
    <message>
        <source>bpm, max − min over last breath</source>
        <translation>lpm, máx − mín en la última respiración</translation>
    </message>
    <message>
        <source>Coherence: {level}</source>
        <translation>Coherencia: {level}</translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>inhale</source>
        <translation>inhala</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>pausa</translation>
    </message>
    <message>
        <source>exhale</source>
        <translation>exhala</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>you: {you}</source>
        <translation>tú: {you}</translation>
    </message>
    <message>
        <source>you: {you} · guide: {guide} /min</source>
        <translation>tú: {you} · guía: {guide} /min</translation>
    </message>
</context>
<context>
    <name>PacerTrace</name>
    <message>
        <source>holds</source>
        <translation>pausas</translation>
    </message>
    <message>
        <source>pacer {rates}</source>
        <translation>guía {rates}</translation>
    </message>
    <message>
        <source>(phase reconstructed)</source>
        <translation>(fase reconstruida)</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Lehrer</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>Short daily</source>
        <translation>Corto diario</translation>
    </message>
    <message>
        <source>Your own</source>
        <translation>El tuyo</translation>
    </message>
    <message>
        <source>No plan chosen</source>
        <translation>Sin plan elegido</translation>
    </message>
    <message>
        <source>resonance assessment, then</source>
        <translation>evaluación de resonancia y luego</translation>
    </message>
    <message>
        <source>{sessions} × {minutes} min a day</source>
        <translation>{sessions} × {minutes} min al día</translation>
    </message>
    <message>
        <source>{days} days a week</source>
        <translation>{days} días a la semana</translation>
    </message>
    <message>
        <source>weekly review</source>
        <translation>repaso semanal</translation>
    </message>
    <message>
        <source>{weeks} weeks</source>
        <translation>{weeks} semanas</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sin fin fijado</translation>
    </message>
    <message>
        <source>{name}: {plan}</source>
        <translation>{name}: {plan}</translation>
    </message>
    <message>
        <source>(from {date})</source>
        <translation>(desde el {date})</translation>
    </message>
    <message>
        <source>Today: reading your sessions…</source>
        <translation>Hoy: leyendo tus sesiones…</translation>
    </message>
    <message>
        <source>Today {minutes} min practised · no plan chosen</source>
        <translation>Hoy {minutes} min de práctica · sin plan elegido</translation>
    </message>
    <message>
        <source>Today {minutes} min practised · outside your plan&apos;s weeks</source>
        <translation>Hoy {minutes} min de práctica · fuera de las semanas de tu plan</translation>
    </message>
    <message>
        <source>done ✓</source>
        <translation>hecho ✓</translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation>faltan {minutes} min</translation>
    </message>
    <message>
        <source>Today {done} of {target} min · {sessions} · {left}</source>
        <translation>Hoy {done} de {target} min · {sessions} · {left}</translation>
    </message>
    <message>
        <source>Start it…</source>
        <translation>Empezarla…</translation>
    </message>
    <message>
        <source>Open it…</source>
        <translation>Abrirla…</translation>
    </message>
    <message>
        <source>Open the review…</source>
        <translation>Abrir el repaso…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Today&apos;s practice</source>
        <translation>La práctica de hoy</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Siguiente paso</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>Plan…</translation>
    </message>
    <message>
        <source>Practice plan</source>
        <translation>Plan de práctica</translation>
    </message>
    <message>
        <source>Weekly review…</source>
        <translation>Repaso semanal…</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Repaso semanal</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Siguiente: {step}</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;Práctica</translation>
    </message>
    <message>
        <source>Getting started…</source>
        <translation>Primeros pasos…</translation>
    </message>
    <message>
        <source>your sessions could not be read ({error}).</source>
        <translation>no se pudieron leer tus sesiones ({error}).</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Lehrer: a resonance assessment, then 2 × 20 min a day, a weekly review, 10 weeks</source>
        <translation>Lehrer: una evaluación de resonancia, luego 2 × 20 min al día, un repaso semanal, 10 semanas</translation>
    </message>
    <message>
        <source>The protocol behind most of the evidence (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</source>
        <translation>El protocolo detrás de la mayor parte de las pruebas (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</translation>
    </message>
    <message>
        <source>Short daily: 3 × 5 min a day</source>
        <translation>Corto diario: 3 × 5 min al día</translation>
    </message>
    <message>
        <source>Short sessions spread over the day (HeartMath&apos;s plan).</source>
        <translation>Sesiones cortas repartidas a lo largo del día (el plan de HeartMath).</translation>
    </message>
    <message>
        <source>My own: the minutes and days I choose</source>
        <translation>El mío: los minutos y días que yo elija</translation>
    </message>
    <message>
        <source>No plan for now</source>
        <translation>Sin plan por ahora</translation>
    </message>
    <message>
        <source>Practise when you like; nothing is counted against a target.</source>
        <translation>Practica cuando quieras; nada se compara con una meta.</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> al día</translation>
    </message>
    <message>
        <source> days a week</source>
        <translation> días a la semana</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sin fin fijado</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Minutes each</source>
        <translation>Minutos cada una</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <source>My own plan: {part}</source>
        <translation>Mi propio plan: {part}</translation>
    </message>
    <message>
        <source>The plan chosen</source>
        <translation>El plan elegido</translation>
    </message>
    <message>
        <source>Each day: {minutes} min.</source>
        <translation>Cada día: {minutes} min.</translation>
    </message>
    <message>
        <source>biofeedback — practice plan</source>
        <translation>biofeedback — plan de práctica</translation>
    </message>
    <message>
        <source>A plan gives the practice a shape: how long, how often, for how many weeks. The main window shows today&apos;s part of it. You can change it at any time.</source>
        <translation>Un plan le da forma a la práctica: cuánto tiempo, con qué frecuencia, durante cuántas semanas. La ventana principal muestra la parte de hoy. Puedes cambiarlo en cualquier momento.</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>HR spectrum, last {seconds} s</source>
        <translation>Espectro de FC, {seconds} s</translation>
    </message>
    <message>
        <source>pacer</source>
        <translation>guía</translation>
    </message>
    <message>
        <source>collecting beats…</source>
        <translation>reuniendo latidos…</translation>
    </message>
    <message>
        <source>— before the beats stopped</source>
        <translation>— antes de que se detuvieran los latidos</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Pulse wave (raw sensor units), beats marked</source>
        <translation>Onda de pulso (unidades del sensor), latidos marcados</translation>
    </message>
    <message>
        <source>ECG (µV), R peaks marked</source>
        <translation>ECG (µV), picos R marcados</translation>
    </message>
    <message>
        <source>no pulse wave from this source</source>
        <translation>esta fuente no envía onda de pulso</translation>
    </message>
    <message>
        <source>Heart rate, beat to beat (bpm), last {seconds} s; breathing guide scaled (up = inhale)</source>
        <translation>Frecuencia cardiaca (lpm), últimos {seconds} s; guía a escala (arriba = inhalar)</translation>
    </message>
    <message>
        <source>Heart rate (bpm), last {seconds} s, with the breathing guide</source>
        <translation>Frecuencia cardiaca (lpm), últimos {seconds} s, con la guía de respiración</translation>
    </message>
    <message>
        <source>— waiting for beats</source>
        <translation>— esperando latidos</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation>
            <numerusform>%n elegido</numerusform>
            <numerusform>%n elegido</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n session(s)</source>
        <translation>
            <numerusform>{done} de %n sesión</numerusform>
            <numerusform>{done} de %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) not counted (under {minutes} min, simulated, replayed or without a pacer; kept in the table)</source>
        <translation>
            <numerusform>%n sesión no cuenta (menos de {minutes} min, simulada, reproducida o sin guía; se queda en la tabla)</numerusform>
            <numerusform>%n sesiones no cuentan (menos de {minutes} min, simuladas, reproducidas o sin guía; se quedan en la tabla)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n día seguido</numerusform>
            <numerusform>%n días seguidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} in %n session(s)</source>
        <translation>
            <numerusform>{total} en %n sesión</numerusform>
            <numerusform>{total} en %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n week(s) ago).</source>
        <translation>
            <numerusform>(hace %n semana).</numerusform>
            <numerusform>(hace %n semanas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (from {day}): {done} on %n day(s).</source>
        <translation>
            <numerusform>Esta semana (desde el {day}): {done} en %n día.</numerusform>
            <numerusform>Esta semana (desde el {day}): {done} en %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n short, simulated, replayed or unpaced session(s) (under {minutes} min, or without a pacer) kept but not counted.</source>
        <translation>
            <numerusform>%n sesión corta, simulada, reproducida o sin guía (menos de {minutes} min, o sin guía) guardada pero sin contar.</numerusform>
            <numerusform>%n sesiones cortas, simuladas, reproducidas o sin guía (menos de {minutes} min, o sin guía) guardadas pero sin contar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first} – {last}, %n week(s)</source>
        <translation>
            <numerusform>{first} – {last}, %n semana</numerusform>
            <numerusform>{first} – {last}, %n semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted: {sessions} practice sessions and %n resonance assessment(s).</source>
        <translation>
            <numerusform>Se cuentan: {sessions} sesiones de práctica y %n evaluación de resonancia.</numerusform>
            <numerusform>Se cuentan: {sessions} sesiones de práctica y %n evaluaciones de resonancia.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) lower</source>
        <translation>
            <numerusform>{item} %n punto más bajo</numerusform>
            <numerusform>{item} %n puntos más bajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) higher</source>
        <translation>
            <numerusform>{item} %n punto más alto</numerusform>
            <numerusform>{item} %n puntos más alto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of practice</source>
        <translation>
            <numerusform>%n día de práctica</numerusform>
            <numerusform>%n días de práctica</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(a missed day forgiven %n times)</source>
        <translation>
            <numerusform>(un día sin practicar perdonado %n vez)</numerusform>
            <numerusform>(un día sin practicar perdonado %n veces)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>session</source>
        <translation>sesión</translation>
    </message>
    <message>
        <source>left</source>
        <translation>restante</translation>
    </message>
    <message>
        <source>open</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coherencia</translation>
    </message>
    <message>
        <source>Esc: back to the window</source>
        <translation>Esc: volver a la ventana</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>HR swing per breath (bpm)</source>
        <translation>Oscilación de FC por respiración (lpm)</translation>
    </message>
    <message>
        <source>not stored for older sessions (the progress report has it)</source>
        <translation>sin guardar en las sesiones antiguas (el informe de progreso la muestra)</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Estrés</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>trend: too few sessions yet</source>
        <translation>tendencia: aún pocas sesiones</translation>
    </message>
    <message>
        <source>trend {slope} {unit}/week</source>
        <translation>tendencia {slope} {unit}/semana</translation>
    </message>
    <message>
        <source>trend {slope}/week</source>
        <translation>tendencia {slope}/semana</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Aún no hay sesiones.</translation>
    </message>
    <message>
        <source>{before} before &amp;nbsp; {after} after the session &amp;nbsp;·&amp;nbsp; check-ins 0–10</source>
        <translation>{before} antes &amp;nbsp; {after} después de la sesión &amp;nbsp;·&amp;nbsp; registros 0–10</translation>
    </message>
    <message>
        <source>No sessions yet: practise a few times and your weeks appear here.</source>
        <translation>Aún no hay sesiones: practica unas cuantas veces y tus semanas aparecerán aquí.</translation>
    </message>
    <message>
        <source>No practice sessions yet: {left_out}.</source>
        <translation>Aún no hay sesiones de práctica: {left_out}.</translation>
    </message>
    <message>
        <source>no streak running</source>
        <translation>sin racha en curso</translation>
    </message>
    <message>
        <source>this week {minutes} min of {target} planned ({pct} %)</source>
        <translation>esta semana {minutes} min de {target} previstos ({pct} %)</translation>
    </message>
    <message>
        <source>this week {minutes} min</source>
        <translation>esta semana {minutes} min</translation>
    </message>
    <message>
        <source>(longest {days})</source>
        <translation>(la racha más larga: {days})</translation>
    </message>
    <message>
        <source>Minutes practised per week</source>
        <translation>Minutos practicados por semana</translation>
    </message>
    <message>
        <source>line: your plan</source>
        <translation>línea: tu plan</translation>
    </message>
    <message>
        <source>RMSSD per session (ms)</source>
        <translation>RMSSD por sesión (ms)</translation>
    </message>
    <message>
        <source>Coherence per session (ratio)</source>
        <translation>Coherencia por sesión (cociente)</translation>
    </message>
    <message>
        <source>Coherence per session</source>
        <translation>Coherencia por sesión</translation>
    </message>
    <message>
        <source>after − before {change} on average</source>
        <translation>después − antes {change} en promedio</translation>
    </message>
    <message>
        <source>no before/after pair</source>
        <translation>sin par antes/después</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>pain</source>
        <translation>dolor</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>estrés</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>ánimo</translation>
    </message>
    <message>
        <source>pain before sessions</source>
        <translation>dolor antes de las sesiones</translation>
    </message>
    <message>
        <source>stress before sessions</source>
        <translation>estrés antes de las sesiones</translation>
    </message>
    <message>
        <source>mood before sessions</source>
        <translation>ánimo antes de las sesiones</translation>
    </message>
    <message>
        <source>swing</source>
        <translation>oscilación</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coherencia</translation>
    </message>
    <message>
        <source>week (Monday)</source>
        <translation>semana (lunes)</translation>
    </message>
    <message>
        <source>plan week</source>
        <translation>sem. plan</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>target</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>fuera</translation>
    </message>
    <message>
        <source>Δpain</source>
        <translation>Δdolor</translation>
    </message>
    <message>
        <source>Δstress</source>
        <translation>Δestrés</translation>
    </message>
    <message>
        <source>Δmood</source>
        <translation>Δánimo</translation>
    </message>
    <message>
        <source>swing bpm</source>
        <translation>oscil. lpm</translation>
    </message>
    <message>
        <source>shorter than the minimum length</source>
        <translation>más cortas que la duración mínima</translation>
    </message>
    <message>
        <source>on the simulated sensor</source>
        <translation>con el sensor simulado</translation>
    </message>
    <message>
        <source>a replay of a recording</source>
        <translation>reproducciones de una grabación</translation>
    </message>
    <message>
        <source>no breathing pacer (a record run)</source>
        <translation>sin guía de respiración (grabaciones con record)</translation>
    </message>
    <message>
        <source>biofeedback: practice over weeks</source>
        <translation>biofeedback: la práctica a lo largo de las semanas</translation>
    </message>
    <message>
        <source>no sessions up to {day}</source>
        <translation>sin sesiones hasta el {day}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
    <message>
        <source>Practice over weeks</source>
        <translation>La práctica semana a semana</translation>
    </message>
    <message>
        <source>Plan: {plan}.</source>
        <translation>Plan: {plan}.</translation>
    </message>
    <message>
        <source>Sessions shorter than {minutes} min, on the simulated sensor, replays and recordings without a breathing pacer are kept but not counted.</source>
        <translation>Las sesiones de menos de {minutes} min, con el sensor simulado, las reproducciones y las grabaciones sin guía de respiración se guardan pero no cuentan.</translation>
    </message>
    <message>
        <source>Minutes practised per week</source>
        <translation>Minutos practicados por semana</translation>
    </message>
    <message>
        <source>(red: the plan&apos;s target)</source>
        <translation>(en rojo: la meta del plan)</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Resonance assessments</source>
        <translation>Evaluaciones de resonancia</translation>
    </message>
    <message>
        <source>None in these weeks.</source>
        <translation>Ninguna en estas semanas.</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>no clear rate</source>
        <translation>sin un ritmo claro</translation>
    </message>
    <message>
        <source>{day}: {rate} ({minutes} min, counted as practice)</source>
        <translation>{day}: {rate} ({minutes} min, contados como práctica)</translation>
    </message>
    <message>
        <source>Check-ins and heart rhythm</source>
        <translation>Registros y ritmo cardiaco</translation>
    </message>
    <message>
        <source>Before sessions: the weekly mean (0-10)</source>
        <translation>Antes de las sesiones: la media semanal (0-10)</translation>
    </message>
    <message>
        <source>Per week: before sessions (mean), change within sessions (after - before), and the heart rhythm (medians)</source>
        <translation>Por semana: antes (media), cambio en la sesión (después - antes) y ritmo cardiaco (medianas)</translation>
    </message>
    <message>
        <source>{slope} points/week</source>
        <translation>{slope} puntos/semana</translation>
    </message>
    <message>
        <source>{slope}/week</source>
        <translation>{slope}/semana</translation>
    </message>
    <message>
        <source>Trends over the practice sessions (Theil-Sen): {trends}.</source>
        <translation>Tendencias sobre las sesiones de práctica (Theil-Sen): {trends}.</translation>
    </message>
    <message>
        <source>Left out (kept, not counted): {reasons}.</source>
        <translation>Fuera (guardadas, sin contar): {reasons}.</translation>
    </message>
    <message>
        <source>{count} {reason}</source>
        <translation>{reason}: {count}</translation>
    </message>
    <message>
        <source>HR swing per breath (bpm)</source>
        <translation>Oscilación de FC por respiración (lpm)</translation>
    </message>
    <message>
        <source>Coherence ratio</source>
        <translation>Cociente de coherencia</translation>
    </message>
    <message>
        <source>Heart rhythm during practice: the week&apos;s median</source>
        <translation>El ritmo cardiaco durante la práctica: la mediana de la semana</translation>
    </message>
    <message>
        <source>Minutes practised</source>
        <translation>Minutos practicados</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Done (adherence)</source>
        <translation>Hecho (cumplimiento)</translation>
    </message>
    <message>
        <source>Before sessions (pain, stress, mood)</source>
        <translation>Antes de las sesiones (dolor, estrés, ánimo)</translation>
    </message>
    <message>
        <source>Change within sessions (Δ)</source>
        <translation>Cambio dentro de las sesiones (Δ)</translation>
    </message>
    <message>
        <source>Heart-rate swing</source>
        <translation>Oscilación de la frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coherencia</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Fuera del cómputo</translation>
    </message>
    <message>
        <source>How each number is defined</source>
        <translation>Cómo se define cada número</translation>
    </message>
    <message>
        <source>These are descriptions of practice, not measures of health: the check-ins are what the person answered, and heart-rhythm figures vary with posture, breathing, sleep and the sensor.</source>
        <translation>Esto describe la práctica, no mide la salud: los registros son lo que respondió la persona, y las cifras del ritmo cardiaco varían con la postura, la respiración, el sueño y el sensor.</translation>
    </message>
</context>
<context>
    <name>PulseDirection</name>
    <message>
        <source>Automatic: from the sensor, else from the pulse&apos;s shape</source>
        <translation>Automática: la del sensor o, si no, la de la forma del pulso</translation>
    </message>
    <message>
        <source>Upright: the wave rises with each beat (most finger sensors)</source>
        <translation>Normal: la onda sube con cada latido (la mayoría de los sensores de dedo)</translation>
    </message>
    <message>
        <source>Inverted: the wave falls with each beat (raw MAX3010x)</source>
        <translation>Invertida: la onda baja con cada latido (MAX3010x en crudo)</translation>
    </message>
    <message>
        <source>If you know which way your sensor&apos;s wave goes, choose it in Tools → Pulse direction.</source>
        <translation>Si sabes hacia dónde va la onda de tu sensor, elígelo en Herramientas → Dirección del pulso.</translation>
    </message>
    <message>
        <source>Your choice in Tools → Pulse direction holds for every sensor. If the beats look wrong with this one, choose Automatic there.</source>
        <translation>Tu elección en Herramientas → Dirección del pulso vale para todos los sensores. Si con este los latidos se ven mal, elige Automática allí.</translation>
    </message>
    <message>
        <source>Pulse direction</source>
        <translation>Dirección del pulso</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>A short session ({length}, under the {min_minutes}-minute minimum in the settings): it is kept in your history, but not compared with your other sessions nor counted in your weekly progress.</source>
        <translation>Una sesión corta ({length}, menos del mínimo de {min_minutes} minutos de los ajustes): se guarda en tu historial, pero no se compara con tus otras sesiones ni cuenta en tu progreso semanal.</translation>
    </message>
    <message>
        <source>A short session: too few beats to say more than the time practised.</source>
        <translation>Una sesión corta: muy pocos latidos para decir algo más que el tiempo practicado.</translation>
    </message>
    <message>
        <source>{pct} % of beats needed correction, so today&apos;s numbers are rough; a still hand and a warm finger help.</source>
        <translation>El {pct} % de los latidos necesitó corrección, así que los números de hoy son aproximados; ayudan una mano quieta y un dedo caliente.</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath more than in most of your earlier {peers}</source>
        <translation>Tu frecuencia cardiaca subió y bajó con tu respiración más que en la mayoría de tus {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath less than in most of your earlier {peers}</source>
        <translation>Tu frecuencia cardiaca subió y bajó con tu respiración menos que en la mayoría de tus {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as usual for you</source>
        <translation>Tu frecuencia cardiaca subió y bajó con tu respiración más o menos como sueles</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as in your earlier {peers}</source>
        <translation>Tu frecuencia cardiaca subió y bajó con tu respiración más o menos como en tus {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell by about {bpm} bpm with each breath</source>
        <translation>Tu frecuencia cardiaca subió y bajó unos {bpm} lpm con cada respiración</translation>
    </message>
    <message>
        <source>Too few clean breaths to measure how your heart rate followed your breath</source>
        <translation>Muy pocas respiraciones limpias para medir cómo siguió tu frecuencia cardiaca a tu respiración</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>estrés</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>dolor</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>ánimo</translation>
    </message>
    <message>
        <source>your check-in answers were the same before and after</source>
        <translation>tus respuestas del registro fueron las mismas antes y después</translation>
    </message>
    <message>
        <source>{changes} after than before</source>
        <translation>{changes} después que antes</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Reminders appear as desktop notifications from the system tray while biofeedback is open (it can sit minimised).</source>
        <translation>Los recordatorios aparecen como notificaciones de escritorio desde la bandeja del sistema mientras biofeedback está abierto (puede estar minimizado).</translation>
    </message>
    <message>
        <source>this desktop</source>
        <translation>este escritorio</translation>
    </message>
    <message>
        <source>This desktop has no system tray (Qt platform &apos;{platform}&apos;), so reminders appear in this window&apos;s status line while biofeedback is open.</source>
        <translation>Este escritorio no tiene bandeja del sistema (plataforma Qt &apos;{platform}&apos;), así que los recordatorios aparecen en la línea de estado de esta ventana mientras biofeedback está abierto.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>No streak yet: today can be day 1</source>
        <translation>Aún no hay racha: hoy puede ser el día 1</translation>
    </message>
    <message>
        <source>(a missed day forgiven)</source>
        <translation>(un día sin practicar perdonado)</translation>
    </message>
    <message>
        <source>; today is still open</source>
        <translation>; hoy aún está abierto</translation>
    </message>
    <message>
        <source>Snooze the reminder ({minutes} min)</source>
        <translation>Posponer el recordatorio ({minutes} min)</translation>
    </message>
    <message>
        <source>Practice reminders…</source>
        <translation>Recordatorios de práctica…</translation>
    </message>
    <message>
        <source>No more reminders today</source>
        <translation>No más recordatorios hoy</translation>
    </message>
    <message>
        <source>Time to practise</source>
        <translation>Hora de practicar</translation>
    </message>
    <message>
        <source>Snooze or stop from the tray icon&apos;s menu.</source>
        <translation>Pospón o detén desde el menú del icono de la bandeja.</translation>
    </message>
    <message>
        <source>(Learn menu: snooze, or no more today)</source>
        <translation>(menú Aprender: posponer, o no más por hoy)</translation>
    </message>
    <message>
        <source>biofeedback: practice reminders</source>
        <translation>biofeedback: recordatorios de práctica</translation>
    </message>
    <message>
        <source>Open biofeedback</source>
        <translation>Abrir biofeedback</translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation>Desactivar los recordatorios</translation>
    </message>
    <message>
        <source>Reminder snoozed until {time}.</source>
        <translation>Recordatorio pospuesto hasta las {time}.</translation>
    </message>
    <message>
        <source>No more reminders today; they come back tomorrow as set.</source>
        <translation>No más recordatorios hoy; vuelven mañana según lo configurado.</translation>
    </message>
    <message>
        <source>Practice reminders</source>
        <translation>Recordatorios de práctica</translation>
    </message>
    <message>
        <source>Remind me to practise</source>
        <translation>Recordarme practicar</translation>
    </message>
    <message>
        <source>Reminder times</source>
        <translation>Horas de los recordatorios</translation>
    </message>
    <message>
        <source>Snooze length</source>
        <translation>Duración de la pausa</translation>
    </message>
    <message>
        <source>Each time reminds once; none comes once today&apos;s practice is done, and none more than an hour late.</source>
        <translation>Cada hora avisa una vez; no llega ninguno cuando la práctica de hoy ya está hecha, ni ninguno con más de una hora de retraso.</translation>
    </message>
    <message>
        <source>Next reminder: &lt;b&gt;{when}&lt;/b&gt;.</source>
        <translation>Próximo recordatorio: &lt;b&gt;{when}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Times (HH:MM, commas)</source>
        <translation>&amp;Horas (HH:MM, separadas por comas)</translation>
    </message>
    <message>
        <source>&amp;Snooze for</source>
        <translation>&amp;Posponer durante</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Beats (intervals)</source>
        <translation>Latidos (intervalos)</translation>
    </message>
    <message>
        <source>Time covered by beats</source>
        <translation>Tiempo cubierto por latidos</translation>
    </message>
    <message>
        <source>Mean heart rate</source>
        <translation>Frecuencia cardiaca media</translation>
    </message>
    <message>
        <source>LF power</source>
        <translation>Potencia LF</translation>
    </message>
    <message>
        <source>HF power</source>
        <translation>Potencia HF</translation>
    </message>
    <message>
        <source>LF peak</source>
        <translation>Pico LF</translation>
    </message>
    <message>
        <source>Coherence ratio</source>
        <translation>Cociente de coherencia</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpida</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Estrés</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>after</source>
        <translation>después</translation>
    </message>
    <message>
        <source>biofeedback session {id}</source>
        <translation>sesión de biofeedback {id}</translation>
    </message>
    <message>
        <source>Breathing session report</source>
        <translation>Informe de la sesión de respiración</translation>
    </message>
    <message>
        <source>Session {id}</source>
        <translation>Sesión {id}</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>pacer {pacer}</source>
        <translation>guía {pacer}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>HR swing per breath {swing}: {swing_words}.  RMSSD {rmssd}: {rmssd_words}.  Time in high coherence {high}.</source>
        <translation>Oscilación de FC por respiración {swing}: {swing_words}.  RMSSD {rmssd}: {rmssd_words}.  Tiempo en coherencia alta {high}.</translation>
    </message>
    <message>
        <source>Summary (whole session)</source>
        <translation>Resumen (sesión completa)</translation>
    </message>
    <message>
        <source>Corrected (artifacts)</source>
        <translation>Corregidos (artefactos)</translation>
    </message>
    <message>
        <source>Check-in (0–10)</source>
        <translation>Registro (0–10)</translation>
    </message>
    <message>
        <source>No check-in was made for this session.</source>
        <translation>No se hizo ningún registro en esta sesión.</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>… and {n} more (export --format markers)</source>
        <translation>… y {n} más (export --format markers)</translation>
    </message>
    <message>
        <source>Heart rate with the breathing pacer</source>
        <translation>Frecuencia cardiaca con la guía de respiración</translation>
    </message>
    <message>
        <source>Too few beats to draw.</source>
        <translation>Muy pocos latidos para dibujar.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>heart rate</source>
        <translation>frecuencia cardiaca</translation>
    </message>
    <message>
        <source>corrected beat</source>
        <translation>latido corregido</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>marca</translation>
    </message>
    <message>
        <source>Spectrum of heart-rate variability (Welch)</source>
        <translation>Espectro de la variabilidad de la frecuencia cardiaca (Welch)</translation>
    </message>
    <message>
        <source>The session is too short for a spectrum.</source>
        <translation>La sesión es demasiado corta para un espectro.</translation>
    </message>
    <message>
        <source>pacer {hz} Hz</source>
        <translation>guía {hz} Hz</translation>
    </message>
</context>
<context>
    <name>ResonanceWizard</name>
    <message>
        <source>Find your resonance breathing rate</source>
        <translation>Encuentra tu ritmo de respiración de resonancia</translation>
    </message>
    <message>
        <source>Heart rate by breathing rate</source>
        <translation>Frecuencia cardiaca por ritmo de respiración</translation>
    </message>
    <message>
        <source>You will breathe with the pacer at {rates} breaths per minute, one block each. Sit comfortably, keep the sensor still and breathe gently: not deeper than feels easy.</source>
        <translation>Respirarás con la guía a {rates} respiraciones por minuto, un bloque cada ritmo. Siéntate cómodo, mantén quieto el sensor y respira con suavidad: no más profundo de lo que te resulte fácil.</translation>
    </message>
    <message>
        <source>Afterwards the rates are compared by how strongly and smoothly your heart rate rises and falls with each breath (Lehrer, Vaschillo &amp; Vaschillo 2000). The rate that wins most criteria is suggested as your training rate. A retest on another day is wise.</source>
        <translation>Después se comparan los ritmos según cuánto y con qué suavidad sube y baja tu frecuencia cardiaca con cada respiración (Lehrer, Vaschillo y Vaschillo 2000). El ritmo que gana más criterios se sugiere como tu ritmo de entrenamiento. Conviene repetir la prueba otro día.</translation>
    </message>
    <message>
        <source>This is a relaxation tool, not a medical device.</source>
        <translation>Es una herramienta de relajación, no un dispositivo médico.</translation>
    </message>
    <message>
        <source>Time per rate</source>
        <translation>Tiempo por ritmo</translation>
    </message>
    <message>
        <source>Rest between rates</source>
        <translation>Descanso entre ritmos</translation>
    </message>
    <message>
        <source>It takes about {minutes} min in all: {n} rates of {block} each, with a {rest} rest between rates.</source>
        <translation>Dura unos {minutes} min en total: {n} ritmos de {block} cada uno, con {rest} de descanso entre ritmos.</translation>
    </message>
    <message>
        <source>It takes about {minutes} min in all: {n} rates of {block} each.</source>
        <translation>Dura unos {minutes} min en total: {n} ritmos de {block} cada uno.</translation>
    </message>
    <message>
        <source>Start ({total})</source>
        <translation>Empezar ({total})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Rest: breathe as you like</source>
        <translation>Descanso: respira como quieras</translation>
    </message>
    <message>
        <source>next: {rate} breaths/min in {clock}</source>
        <translation>siguiente: {rate} resp/min en {clock}</translation>
    </message>
    <message>
        <source>Rate {k} of {n}: {rate} breaths/min</source>
        <translation>Ritmo {k} de {n}: {rate} resp/min</translation>
    </message>
    <message>
        <source>then {rate} breaths/min</source>
        <translation>luego {rate} resp/min</translation>
    </message>
    <message>
        <source>then the result</source>
        <translation>luego el resultado</translation>
    </message>
    <message>
        <source>{clock} left in this block, {later}</source>
        <translation>quedan {clock} en este bloque, {later}</translation>
    </message>
    <message>
        <source>The assessment could not be scored</source>
        <translation>No se pudo puntuar la evaluación</translation>
    </message>
    <message>
        <source>Something went wrong while scoring the blocks. Please retest.</source>
        <translation>Algo falló al puntuar los bloques. Repite la prueba, por favor.</translation>
    </message>
    <message>
        <source>The result could not be kept in your history ({error}).</source>
        <translation>No se pudo guardar el resultado en tu historial ({error}).</translation>
    </message>
    <message>
        <source>Saved: your training rate is now {rate} breaths/min.</source>
        <translation>Guardado: tu ritmo de entrenamiento ahora es {rate} resp/min.</translation>
    </message>
</context>
<context>
    <name>SensorCheck</name>
    <message>
        <source>Finger sensor</source>
        <translation>Sensor de dedo</translation>
    </message>
    <message>
        <source>Use the pad of your index or middle finger, warm, resting on a table. Cover the light fully and press lightly: pressing hard flattens the pulse. Keep the hand still and at heart height; a clip should hold without leaving a mark.</source>
        <translation>Usa la yema del dedo índice o del medio, caliente, apoyada en una mesa. Cubre la luz por completo y presiona suavemente: presionar fuerte aplana el pulso. Mantén la mano quieta y a la altura del corazón; una pinza debe sujetar sin dejar marca.</translation>
    </message>
    <message>
        <source>Ear clip</source>
        <translation>Pinza de oreja</translation>
    </message>
    <message>
        <source>Clip it to the soft lobe, not the cartilage, with the light on the fleshy part. Rub the lobe for a few seconds first to warm it. Let the cable hang free, or clip it to your collar, so it does not tug when you move your head.</source>
        <translation>Sujétala al lóbulo blando, no al cartílago, con la luz sobre la parte carnosa. Frota antes el lóbulo unos segundos para calentarlo. Deja el cable colgando libre, o sujétalo al cuello de la ropa, para que no tire cuando muevas la cabeza.</translation>
    </message>
    <message>
        <source>Chest strap</source>
        <translation>Banda de pecho</translation>
    </message>
    <message>
        <source>Wet the electrodes (water or a little gel), then wear the strap just below the chest muscles, snug but comfortable, with the sensor in the middle. The first minute after putting it on can be uneven until the skin contact settles; dry skin or a loose strap gives missed beats.</source>
        <translation>Humedece los electrodos (agua o un poco de gel) y ponte la banda justo debajo de los pectorales, ajustada pero cómoda, con el sensor en el centro. El primer minuto después de ponértela puede ser irregular hasta que el contacto con la piel se asiente; la piel seca o una banda floja hacen que se pierdan latidos.</translation>
    </message>
    <message>
        <source>No pulse yet: check the sensor is on and plugged in, and keep still for a few seconds.</source>
        <translation>Aún no hay pulso: comprueba que el sensor esté puesto y conectado, y quédate quieto unos segundos.</translation>
    </message>
    <message>
        <source>The sensor does not feel a finger or an ear: put it on, covering the light.</source>
        <translation>El sensor no detecta un dedo ni una oreja: póntelo cubriendo la luz.</translation>
    </message>
    <message>
        <source>The signal is clipped: loosen the clip or strap a little, or move it out of bright light.</source>
        <translation>La señal se satura: afloja un poco la pinza o la banda, o apártala de la luz intensa.</translation>
    </message>
    <message>
        <source>The pulse is unclear: hold still and rest your hand; press lightly, not hard.</source>
        <translation>El pulso no se ve claro: quédate quieto y apoya la mano; presiona suave, no fuerte.</translation>
    </message>
    <message>
        <source>Beats arrive but the cable or radio link loses data: check the cable or move closer.</source>
        <translation>Llegan latidos pero el cable o el enlace de radio pierde datos: revisa el cable o acércate.</translation>
    </message>
    <message>
        <source>Finding your pulse: {n} beats in the last {window} s. Keep still.</source>
        <translation>Buscando tu pulso: {n} latidos en los últimos {window} s. Quédate quieto.</translation>
    </message>
    <message>
        <source>Beats are found but uneven (missed or extra beats): hold still and keep the sensor where it is for a few seconds.</source>
        <translation>Se encuentran latidos pero irregulares (latidos perdidos o de más): quédate quieto y deja el sensor donde está unos segundos.</translation>
    </message>
    <message>
        <source>Ready: steady beats at {bpm} bpm. You can start a session.</source>
        <translation>Listo: latidos estables a {bpm} lpm. Puedes iniciar una sesión.</translation>
    </message>
    <message>
        <source>Check my sensor</source>
        <translation>Revisar mi sensor</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>hace segundos</translation>
    </message>
    <message>
        <source>Placement tips</source>
        <translation>Consejos de colocación</translation>
    </message>
    <message>
        <source>Pulse wave of the last seconds, beats marked</source>
        <translation>Onda de pulso de los últimos segundos, con los latidos marcados</translation>
    </message>
    <message>
        <source>Connect your sensor (Source, then Connect) and put it on: the pulse appears here with each beat marked as it is found.</source>
        <translation>Conecta tu sensor (Fuente y luego Conectar) y póntelo: el pulso aparece aquí con cada latido marcado según se encuentra.</translation>
    </message>
    <message>
        <source>Check my sensor…</source>
        <translation>Revisar mi sensor…</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Session {id} — {name}</source>
        <translation>Sesión {id} — {name}</translation>
    </message>
    <message>
        <source>status {status}&lt;br&gt;mean HR {hr} bpm · RMSSD {rmssd} ms · SDNN {sdnn} ms · coherence {coherence} · beats {beats} ({corrected} corrected)</source>
        <translation>estado {status}&lt;br&gt;FC media {hr} lpm · RMSSD {rmssd} ms · SDNN {sdnn} ms · coherencia {coherence} · latidos {beats} ({corrected} corregidos)</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Espectro</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Markers (session clock)</source>
        <translation>Marcas (reloj de la sesión)</translation>
    </message>
    <message>
        <source>No markers in this session (N marks a moment while practising).</source>
        <translation>No hay marcas en esta sesión (N marca un momento mientras practicas).</translation>
    </message>
    <message>
        <source>Heart rate · {pacer}</source>
        <translation>Frecuencia cardiaca · {pacer}</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Serial sensor</source>
        <translation>Sensor serie</translation>
    </message>
    <message>
        <source>Simulated sensor</source>
        <translation>Sensor simulado</translation>
    </message>
    <message>
        <source>Replay a file</source>
        <translation>Reproducir un archivo</translation>
    </message>
    <message>
        <source>LSL stream</source>
        <translation>Flujo LSL</translation>
    </message>
    <message>
        <source>Bluetooth strap</source>
        <translation>Banda Bluetooth</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>some (2/min)</source>
        <translation>algunos (2/min)</translation>
    </message>
    <message>
        <source>many (8/min)</source>
        <translation>muchos (8/min)</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>clásica</translation>
    </message>
    <message>
        <source>reflected</source>
        <translation>reflejada</translation>
    </message>
    <message>
        <source>dominant-reflected</source>
        <translation>reflejada dominante</translation>
    </message>
    <message>
        <source>breathing</source>
        <translation>con respiración</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Puerto serie</translation>
    </message>
    <message>
        <source>Refresh the serial ports</source>
        <translation>Actualizar los puertos serie</translation>
    </message>
    <message>
        <source>Serial protocol</source>
        <translation>Protocolo serie</translation>
    </message>
    <message>
        <source>Simulated baseline heart rate</source>
        <translation>Frecuencia cardiaca basal simulada</translation>
    </message>
    <message>
        <source>Simulated resonance rate</source>
        <translation>Ritmo de resonancia simulado</translation>
    </message>
    <message>
        <source>Simulated artifacts</source>
        <translation>Artefactos simulados</translation>
    </message>
    <message>
        <source>Simulated pulse shape</source>
        <translation>Forma de pulso simulada</translation>
    </message>
    <message>
        <source>File to replay</source>
        <translation>Archivo para reproducir</translation>
    </message>
    <message>
        <source>Browse for a file to replay</source>
        <translation>Buscar un archivo para reproducir</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <source>Lab Streaming Layer stream</source>
        <translation>Flujo de Lab Streaming Layer</translation>
    </message>
    <message>
        <source>Find Lab Streaming Layer streams</source>
        <translation>Buscar flujos de Lab Streaming Layer</translation>
    </message>
    <message>
        <source>Find Bluetooth straps</source>
        <translation>Buscar bandas Bluetooth</translation>
    </message>
    <message>
        <source>Connect or disconnect</source>
        <translation>Conectar o desconectar</translation>
    </message>
    <message>
        <source>port, path or pyserial URL (socket://host:port)</source>
        <translation>puerto, ruta o URL de pyserial (socket://host:puerto)</translation>
    </message>
    <message>
        <source>Pick a port, or type a path or a pyserial URL such as socket://localhost:7000</source>
        <translation>Elige un puerto, o escribe una ruta o una URL de pyserial como socket://localhost:7000</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> /min</translation>
    </message>
    <message>
        <source>The pulse shape of the simulated finger</source>
        <translation>La forma del pulso del dedo simulado</translation>
    </message>
    <message>
        <source>Baseline HR</source>
        <translation>FC basal</translation>
    </message>
    <message>
        <source>Resonance</source>
        <translation>Resonancia</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefactos</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulso</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Find streams</source>
        <translation>Buscar flujos</translation>
    </message>
    <message>
        <source>Find straps</source>
        <translation>Buscar bandas</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>&amp;Fuente</translation>
    </message>
    <message>
        <source>Bluetooth strap address</source>
        <translation>Dirección de la banda Bluetooth</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>no encontrado</translation>
    </message>
    <message>
        <source>Sensor not found at {port}: plug it in and press Refresh, or pick or type another port.</source>
        <translation>No se encontró el sensor en {port}: conéctalo y pulsa Actualizar, o elige o escribe otro puerto.</translation>
    </message>
    <message>
        <source>no serial ports found</source>
        <translation>no se encontraron puertos serie</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Disconnect first to change the source.</source>
        <translation>Desconecta primero para cambiar la fuente.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>good signal</source>
        <translation>buena señal</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>sin señal</translation>
    </message>
    <message>
        <source>signal saturated: loosen the clip or move the finger</source>
        <translation>señal saturada: afloja la pinza o mueve el dedo</translation>
    </message>
    <message>
        <source>finger off the sensor</source>
        <translation>el dedo no está en el sensor</translation>
    </message>
    <message>
        <source>signal poor: hold still</source>
        <translation>señal débil: quédate quieto</translation>
    </message>
    <message>
        <source>good signal, but the link loses data</source>
        <translation>buena señal, pero la conexión pierde datos</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>invertida</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Signal quality</source>
        <translation>Calidad de la señal</translation>
    </message>
    <message>
        <source>Corrected beats</source>
        <translation>Latidos corregidos</translation>
    </message>
    <message>
        <source> — pulse direction unclear</source>
        <translation> — dirección del pulso incierta</translation>
    </message>
    <message>
        <source> — read {chosen}, as you chose; the sensor says {declared}</source>
        <translation> — onda {chosen}, como elegiste; el sensor dice {declared}</translation>
    </message>
    <message>
        <source>corrected beats {percent}&#xa0;%</source>
        <translation>latidos corregidos {percent}&#xa0;%</translation>
    </message>
    <message>
        <source> — too many, numbers unreliable</source>
        <translation> — demasiados, números poco fiables</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Markers (M) and notes (N) belong to a session: start one first (Space).</source>
        <translation>Las marcas (M) y las notas (N) pertenecen a una sesión: inicia una primero (Espacio).</translation>
    </message>
    <message>
        <source>The session held no data and was not kept.</source>
        <translation>La sesión no tenía datos y no se guardó.</translation>
    </message>
    <message>
        <source>Session history… ({keys})</source>
        <translation>Historial de sesiones… ({keys})</translation>
    </message>
    <message>
        <source>Session {message} — nothing is lost while it lasts.</source>
        <translation>Sesión {message}: no se pierde nada mientras dure.</translation>
    </message>
    <message>
        <source>Session saving again.</source>
        <translation>La sesión vuelve a guardarse.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Note for this moment:</source>
        <translation>Nota para este momento:</translation>
    </message>
    <message>
        <source>Session saved — see History ({keys}).</source>
        <translation>Sesión guardada: mírala en el historial ({keys}).</translation>
    </message>
    <message>
        <source>The session summary could not be read: {error}</source>
        <translation>No se pudo leer el resumen de la sesión: {error}</translation>
    </message>
    <message>
        <source>biofeedback — session history</source>
        <translation>biofeedback — historial de sesiones</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Progress plot</source>
        <translation>Gráfica de progreso</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>a swing per breath</source>
        <translation>una oscilación por respiración</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesiones</translation>
    </message>
    <message>
        <source>simulated sessions</source>
        <translation>sesiones simuladas</translation>
    </message>
    <message>
        <source>replays</source>
        <translation>reproducciones</translation>
    </message>
    <message>
        <source>sessions without a pacer</source>
        <translation>sesiones sin guía</translation>
    </message>
    <message>
        <source>not compared: a short session</source>
        <translation>sin comparar: una sesión corta</translation>
    </message>
    <message>
        <source>not enough clean beats for {what}</source>
        <translation>no hay suficientes latidos limpios para {what}</translation>
    </message>
    <message>
        <source>not enough clean beats</source>
        <translation>no hay suficientes latidos limpios</translation>
    </message>
    <message>
        <source>no earlier {peers} to compare with</source>
        <translation>no hay {peers} anteriores con qué comparar</translation>
    </message>
    <message>
        <source>your first session with this number</source>
        <translation>tu primera sesión con este número</translation>
    </message>
    <message>
        <source>set against your own {peers} once there are {needed} earlier ones ({earlier} so far)</source>
        <translation>se comparará con tus propias {peers} cuando haya {needed} anteriores ({earlier} hasta ahora)</translation>
    </message>
    <message>
        <source>your median {value} {unit}</source>
        <translation>tu mediana {value} {unit}</translation>
    </message>
    <message>
        <source>higher than in all {n} of your earlier {peers} ({median})</source>
        <translation>más alto que en las {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>not higher than in any of your {n} earlier {peers} ({median})</source>
        <translation>no más alto que en ninguna de tus {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>higher than in {below} of your {n} earlier {peers} ({median})</source>
        <translation>más alto que en {below} de tus {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>{points} lower</source>
        <translation>{points} menos</translation>
    </message>
    <message>
        <source>{points} higher</source>
        <translation>{points} más</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Resumen de la sesión</translation>
    </message>
    <message>
        <source>Time practised</source>
        <translation>Tiempo de práctica</translation>
    </message>
    <message>
        <source>Coherence, mean (peak)</source>
        <translation>Coherencia, media (máxima)</translation>
    </message>
    <message>
        <source>Time in high coherence</source>
        <translation>Tiempo en coherencia alta</translation>
    </message>
    <message>
        <source>HR swing per breath</source>
        <translation>Oscilación de FC por respiración</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Latidos</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>after</source>
        <translation>después</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>session clock</source>
        <translation>reloj de la sesión</translation>
    </message>
    <message>
        <source>needs at least 64 s of beats</source>
        <translation>necesita al menos 64 s de latidos</translation>
    </message>
    <message>
        <source>ratio, 64 s windows</source>
        <translation>cociente, ventanas de 64 s</translation>
    </message>
    <message>
        <source>{percent} % of the session</source>
        <translation>{percent} % de la sesión</translation>
    </message>
    <message>
        <source>{percent} % corrected</source>
        <translation>{percent} % corregidos</translation>
    </message>
    <message>
        <source>biofeedback — session summary</source>
        <translation>biofeedback — resumen de la sesión</translation>
    </message>
    <message>
        <source>History and progress…</source>
        <translation>Historial y progreso…</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>bpm</source>
        <translation>lpm</translation>
    </message>
</context>
<context>
    <name>WeeklyReview</name>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previstos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Dolor antes</translation>
    </message>
    <message>
        <source>Stress before</source>
        <translation>Estrés antes</translation>
    </message>
    <message>
        <source>Mood before</source>
        <translation>Ánimo antes</translation>
    </message>
    <message>
        <source>Pain change</source>
        <translation>Cambio del dolor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pain&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Dolor&lt;/b&gt; antes de las sesiones</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stress&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Estrés&lt;/b&gt; antes de las sesiones</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mood&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Ánimo&lt;/b&gt; antes de las sesiones</translation>
    </message>
    <message>
        <source>(plan week {week})</source>
        <translation>(semana {week} del plan)</translation>
    </message>
    <message>
        <source>{item}: {value} (week of {day})</source>
        <translation>{item}: {value} (semana del {day})</translation>
    </message>
    <message>
        <source> → {value} ({day})</source>
        <translation> → {value} ({day})</translation>
    </message>
    <message>
        <source>, trend {slope} a week</source>
        <translation>, tendencia {slope} por semana</translation>
    </message>
    <message>
        <source>, too few sessions for a trend</source>
        <translation>, muy pocas sesiones para una tendencia</translation>
    </message>
    <message>
        <source>No check-ins answered before sessions yet.</source>
        <translation>Aún no hay registros respondidos antes de las sesiones.</translation>
    </message>
    <message>
        <source>No resonance assessment yet: it finds the breathing rate at which your heart rate swings most (about {minutes} minutes).</source>
        <translation>Aún no hay evaluación de resonancia: encuentra el ritmo de respiración al que tu frecuencia cardiaca oscila más (unos {minutes} minutos).</translation>
    </message>
    <message>
        <source>Your resonance rate: &lt;b&gt;{rate} breaths/min&lt;/b&gt;, from the assessment of {day}</source>
        <translation>Tu ritmo de resonancia: &lt;b&gt;{rate} resp/min&lt;/b&gt;, de la evaluación del {day}</translation>
    </message>
    <message>
        <source>The rate can shift with practice: a new assessment is offered, whenever suits you (nothing changes if you skip it).</source>
        <translation>El ritmo puede cambiar con la práctica: se ofrece una nueva evaluación, cuando te venga bien (nada cambia si no la haces).</translation>
    </message>
    <message>
        <source>biofeedback — weekly review</source>
        <translation>biofeedback — repaso semanal</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Change the plan…</source>
        <translation>Cambiar el plan…</translation>
    </message>
    <message>
        <source>Weeks against the plan</source>
        <translation>Semanas frente al plan</translation>
    </message>
    <message>
        <source>Check-ins before sessions</source>
        <translation>Registros antes de las sesiones</translation>
    </message>
    <message>
        <source>Resonance rate</source>
        <translation>Ritmo de resonancia</translation>
    </message>
    <message>
        <source>Re-assess my resonance rate…</source>
        <translation>Volver a evaluar mi ritmo de resonancia…</translation>
    </message>
    <message>
        <source>Nothing practised yet.</source>
        <translation>Aún no has practicado.</translation>
    </message>
    <message>
        <source>{minutes} min of {target} planned ({pct} %)</source>
        <translation>{minutes} min de {target} previstos ({pct} %)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Last week: {minutes} min of {target} ({pct} %).</source>
        <translation>La semana pasada: {minutes} min de {target} ({pct} %).</translation>
    </message>
    <message>
        <source>Last week: {minutes} min.</source>
        <translation>La semana pasada: {minutes} min.</translation>
    </message>
    <message>
        <source>Find my resonance rate…</source>
        <translation>Encontrar mi ritmo de resonancia…</translation>
    </message>
    <message>
        <source>Progress plot</source>
        <translation>Gráfica de progreso</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Heart rate curve with the breathing guide</source>
        <translation>Curva de frecuencia cardiaca con la guía de respiración</translation>
    </message>
    <message>
        <source>Pulse wave</source>
        <translation>Onda de pulso</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>ECG</translation>
    </message>
    <message>
        <source>RMSSD trend</source>
        <translation>Tendencia de RMSSD</translation>
    </message>
    <message>
        <source>Coherence trend</source>
        <translation>Tendencia de coherencia</translation>
    </message>
    <message>
        <source>Heart rate spectrum</source>
        <translation>Espectro de la frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Session length</source>
        <translation>Duración de la sesión</translation>
    </message>
    <message>
        <source>How long the next session lasts; open-ended runs until you stop it</source>
        <translation>Cuánto dura la próxima sesión; sin límite sigue hasta que la detengas</translation>
    </message>
    <message>
        <source>Start or stop session</source>
        <translation>Iniciar o detener la sesión</translation>
    </message>
    <message>
        <source>Space starts or stops the session</source>
        <translation>Espacio inicia o detiene la sesión</translation>
    </message>
    <message>
        <source>Session clock</source>
        <translation>Reloj de la sesión</translation>
    </message>
    <message>
        <source>Time in the session so far and time left</source>
        <translation>Tiempo transcurrido en la sesión y tiempo restante</translation>
    </message>
    <message>
        <source>Pacer rate, breaths per minute</source>
        <translation>Ritmo de la guía, respiraciones por minuto</translation>
    </message>
    <message>
        <source>Up and Down arrow keys change it</source>
        <translation>Las flechas arriba y abajo lo cambian</translation>
    </message>
    <message>
        <source>Inhale to exhale ratio</source>
        <translation>Proporción inhalación:exhalación</translation>
    </message>
    <message>
        <source>Share of each breath spent breathing in</source>
        <translation>Parte de cada respiración dedicada a inhalar</translation>
    </message>
    <message>
        <source>Hold after inhale, seconds</source>
        <translation>Pausa tras inhalar, segundos</translation>
    </message>
    <message>
        <source>A pause at the top of each breath</source>
        <translation>Una pausa al final de cada inhalación</translation>
    </message>
    <message>
        <source>Hold after exhale, seconds</source>
        <translation>Pausa tras exhalar, segundos</translation>
    </message>
    <message>
        <source>A pause at the bottom of each breath</source>
        <translation>Una pausa al final de cada exhalación</translation>
    </message>
    <message>
        <source>Sound cue</source>
        <translation>Señal sonora</translation>
    </message>
    <message>
        <source>A soft tone at each change between breathing in and out</source>
        <translation>Un tono suave en cada cambio entre inhalar y exhalar</translation>
    </message>
    <message>
        <source>Screen for presentation mode</source>
        <translation>Pantalla del modo presentación</translation>
    </message>
    <message>
        <source>Where presentation mode opens</source>
        <translation>Dónde se abre el modo presentación</translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation>Tema claro u oscuro</translation>
    </message>
    <message>
        <source>Switch between the light and the dark colours</source>
        <translation>Cambia entre los colores claros y los oscuros</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Modo presentación</translation>
    </message>
    <message>
        <source>Large views for a second screen; F11, Escape leaves it</source>
        <translation>Vistas grandes para una segunda pantalla; F11, Esc para salir</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>What each number means, and the keys; F1</source>
        <translation>Qué significa cada número, y las teclas; F1</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>sin sesión</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> /min</translation>
    </message>
    <message>
        <source>Pacer rate, breaths per minute (↑/↓)</source>
        <translation>Ritmo de la guía, respiraciones por minuto (↑/↓)</translation>
    </message>
    <message>
        <source>hold after inhale</source>
        <translation>pausa tras inhalar</translation>
    </message>
    <message>
        <source>hold after exhale</source>
        <translation>pausa tras exhalar</translation>
    </message>
    <message>
        <source>Screen used by presentation mode</source>
        <translation>Pantalla que usa el modo presentación</translation>
    </message>
    <message>
        <source>Screen {number}: {name}</source>
        <translation>Pantalla {number}: {name}</translation>
    </message>
    <message>
        <source>Screen {number}</source>
        <translation>Pantalla {number}</translation>
    </message>
    <message>
        <source>Light/dark</source>
        <translation>Claro/oscuro</translation>
    </message>
    <message>
        <source>Present (F11)</source>
        <translation>Presentar (F11)</translation>
    </message>
    <message>
        <source>Presentation mode: large, for a coach&apos;s screen; Esc leaves it</source>
        <translation>Modo presentación: grande, para la pantalla de un coach; Esc para salir</translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation>Ayuda (F1)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;Pacer</source>
        <translation>&amp;Guía</translation>
    </message>
    <message>
        <source>in:&amp;out</source>
        <translation>in&amp;h:exh</translation>
    </message>
    <message>
        <source>hol&amp;ds</source>
        <translation>pa&amp;usas</translation>
    </message>
    <message>
        <source>Breathing pacer</source>
        <translation>Guía de respiración</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Números en vivo</translation>
    </message>
    <message>
        <source>Not a medical device</source>
        <translation>No es un dispositivo médico</translation>
    </message>
    <message>
        <source>RMSSD, {seconds} s</source>
        <translation>RMSSD, {seconds} s</translation>
    </message>
    <message>
        <source>Coherence, {seconds} s</source>
        <translation>Coherencia, {seconds} s</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>cociente</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>esperando datos</translation>
    </message>
    <message>
        <source>heart rate {bpm} bpm</source>
        <translation>frecuencia cardiaca {bpm} lpm</translation>
    </message>
    <message>
        <source>pulse arriving</source>
        <translation>llega el pulso</translation>
    </message>
    <message>
        <source>ECG arriving</source>
        <translation>llega el ECG</translation>
    </message>
    <message>
        <source>RMSSD {ms} ms</source>
        <translation>RMSSD {ms} ms</translation>
    </message>
    <message>
        <source>coherence {value}</source>
        <translation>coherencia {value}</translation>
    </message>
    <message>
        <source>pacer rate marked at {hz} Hz</source>
        <translation>ritmo de la guía marcado en {hz} Hz</translation>
    </message>
    <message>
        <source>biofeedback — breathing and heart rate (not a medical device)</source>
        <translation>biofeedback — respiración y frecuencia cardiaca (no es un dispositivo médico)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Find my resonance rate…</source>
        <translation>Encontrar mi ritmo de resonancia…</translation>
    </message>
    <message>
        <source>Adaptive pacing: start at my breathing, glide to my rate</source>
        <translation>Guía adaptativa: empieza en mi respiración y se desliza hasta mi ritmo</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Detener sesión</translation>
    </message>
    <message>
        <source>Internal error while processing data: {error}</source>
        <translation>Error interno al procesar los datos: {error}</translation>
    </message>
    <message>
        <source>Adaptive pacing done: the pacer reached your rate, {rate} /min.</source>
        <translation>Guía adaptativa terminada: la guía llegó a tu ritmo, {rate} /min.</translation>
    </message>
    <message>
        <source>Adaptive pacing ended: the pacer stays at {rate} /min.</source>
        <translation>Guía adaptativa detenida: la guía se queda en {rate} /min.</translation>
    </message>
    <message>
        <source>No session without a source: connect a sensor (or the simulated one) first.</source>
        <translation>No hay sesión sin una fuente: conecta primero un sensor (o el simulado).</translation>
    </message>
    <message>
        <source>Marker “{label}” set at {clock}.</source>
        <translation>Marca «{label}» puesta en {clock}.</translation>
    </message>
    <message>
        <source>Marker “{label}” set.</source>
        <translation>Marca «{label}» puesta.</translation>
    </message>
    <message>
        <source>Session completed. Well done.</source>
        <translation>Sesión completada. ¡Bien hecho!</translation>
    </message>
    <message>
        <source>  ({clock} left)</source>
        <translation>  (faltan {clock})</translation>
    </message>
    <message>
        <source>Screen {n}</source>
        <translation>Pantalla {n}</translation>
    </message>
    <message>
        <source>The client view is on {screen}; F11 or Esc closes it.</source>
        <translation>La vista del cliente está en {screen}; F11 o Esc la cierra.</translation>
    </message>
    <message>
        <source>the other screen</source>
        <translation>la otra pantalla</translation>
    </message>
    <message>
        <source>(click to read it whole)</source>
        <translation>(haz clic para leerlo entero)</translation>
    </message>
</context>
<context>
    <name>WizardResult</name>
    <message>
        <source>HR peak closest to end of inhale</source>
        <translation>pico de FC más cerca del final de la inhalación</translation>
    </message>
    <message>
        <source>largest HR swing</source>
        <translation>mayor oscilación de FC</translation>
    </message>
    <message>
        <source>largest LF power</source>
        <translation>mayor potencia LF</translation>
    </message>
    <message>
        <source>highest LF peak</source>
        <translation>pico LF más alto</translation>
    </message>
    <message>
        <source>smoothest HR curve</source>
        <translation>curva de FC más suave</translation>
    </message>
    <message>
        <source>single LF peak</source>
        <translation>un solo pico LF</translation>
    </message>
    <message>
        <source>your heart rate rose and fell most in step with your breathing</source>
        <translation>tu frecuencia cardiaca subió y bajó más al compás de tu respiración</translation>
    </message>
    <message>
        <source>your heart rate swung the most with each breath</source>
        <translation>tu frecuencia cardiaca osciló más con cada respiración</translation>
    </message>
    <message>
        <source>the slow waves of your heart rate were strongest</source>
        <translation>las ondas lentas de tu frecuencia cardiaca fueron más fuertes</translation>
    </message>
    <message>
        <source>those waves gathered most at your breathing rate</source>
        <translation>esas ondas se concentraron más en tu ritmo de respiración</translation>
    </message>
    <message>
        <source>the heart-rate waves were smoothest</source>
        <translation>las ondas de la frecuencia cardiaca fueron más suaves</translation>
    </message>
    <message>
        <source>your heart rate followed one clear rhythm</source>
        <translation>tu frecuencia cardiaca siguió un ritmo claro</translation>
    </message>
    <message>
        <source>a clear result</source>
        <translation>un resultado claro</translation>
    </message>
    <message>
        <source>a likely result, not a certain one</source>
        <translation>un resultado probable, no seguro</translation>
    </message>
    <message>
        <source>an uncertain result: the rates came out close</source>
        <translation>un resultado incierto: los ritmos quedaron muy parejos</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Rate /min</source>
        <translation>Ritmo /min</translation>
    </message>
    <message>
        <source>HR swing bpm</source>
        <translation>Oscilación FC lpm</translation>
    </message>
    <message>
        <source>LF power ms²</source>
        <translation>Potencia LF ms²</translation>
    </message>
    <message>
        <source>HR peak vs end of inhale</source>
        <translation>Pico de FC frente al final de la inhalación</translation>
    </message>
    <message>
        <source>Smoothness</source>
        <translation>Suavidad</translation>
    </message>
    <message>
        <source>Criteria won, or why the block was not used</source>
        <translation>Criterios ganados, o por qué no se usó el bloque</translation>
    </message>
    <message>
        <source>Show the numbers behind it</source>
        <translation>Ver los números detrás</translation>
    </message>
    <message>
        <source>Save as my training rate</source>
        <translation>Guardar como mi ritmo de entrenamiento</translation>
    </message>
    <message>
        <source>Retest</source>
        <translation>Repetir la prueba</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Heart rate during each block (scored part; x = artifact, bridged):</source>
        <translation>Frecuencia cardiaca en cada bloque (parte puntuada; x = artefacto, puenteado):</translation>
    </message>
    <message>
        <source>Hide the numbers</source>
        <translation>Ocultar los números</translation>
    </message>
    <message>
        <source>No resonance rate could be determined</source>
        <translation>No se pudo determinar un ritmo de resonancia</translation>
    </message>
    <message>
        <source>Why: {reasons}. Details per rate are in the table. Try again sitting still and breathing with the pacer.</source>
        <translation>Por qué: {reasons}. Los detalles de cada ritmo están en la tabla. Vuelve a intentarlo sentado y quieto, respirando con la guía.</translation>
    </message>
    <message>
        <source>Nothing to save: no rate could be determined. Retest instead.</source>
        <translation>Nada que guardar: no se pudo determinar ningún ritmo. Mejor repite la prueba.</translation>
    </message>
    <message>
        <source>Your resonance rate: {rate} breaths per minute</source>
        <translation>Tu ritmo de resonancia: {rate} respiraciones por minuto</translation>
    </message>
    <message>
        <source>At {rate} breaths per minute {reasons}: that is the rate to practise at. This is {sure}. {note} A retest on another day is wise. (The rates were compared by the criteria of Lehrer, Vaschillo &amp; Vaschillo 2000; the numbers are behind the button below.)</source>
        <translation>A {rate} respiraciones por minuto {reasons}: ese es el ritmo para practicar. Es {sure}. {note} Conviene repetir la prueba otro día. (Los ritmos se compararon con los criterios de Lehrer, Vaschillo y Vaschillo 2000; los números están detrás del botón de abajo.)</translation>
    </message>
    <message>
        <source>won: {criteria}</source>
        <translation>ganó: {criteria}</translation>
    </message>
    <message>
        <source>won no criterion</source>
        <translation>no ganó ningún criterio</translation>
    </message>
    <message>
        <source>not used: {reasons}</source>
        <translation>no usado: {reasons}</translation>
    </message>
</context>
</TS>
