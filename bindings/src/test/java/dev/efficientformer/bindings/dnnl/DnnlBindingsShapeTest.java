package dev.efficientformer.bindings.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the checked-in bindings and the jextract @argfile agree, without the native
 * library.
 *
 * <p>{@code dnnl_h} must never be initialised here: its static initialiser builds
 * {@code SYMBOL_LOOKUP}, which loads {@code libdnnl.so.3}. So classes are only ever obtained
 * with {@code Class.forName(name, false, loader)} and inspected with {@code getMethods()} /
 * {@code getFields()}, and no method of {@code dnnl_h} is invoked. The argument layouts of
 * each function descriptor are read from the bytecode of the function's holder class
 * ({@code dnnl_h$f}) instead of by calling {@code f$descriptor()}.
 */
class DnnlBindingsShapeTest {

    private static final String PKG = "dev.efficientformer.bindings.dnnl";
    private static final String ARGFILE = "META-INF/efficientformer/bindings/dnnl.argfile";
    private static final ClassLoader LOADER = DnnlBindingsShapeTest.class.getClassLoader();

    private static Map<String, List<String>> options;
    private static Class<?> header;
    /** dnnl_h, then its superclasses up to (excluding) Object. */
    private static List<Class<?>> chain;

    @BeforeAll
    static void readArgfileAndLoadHeaderUninitialised() throws IOException {
        options = parseArgfile(readResource(ARGFILE));
        header = load(PKG + ".dnnl_h");
        chain = new ArrayList<>();
        for (Class<?> c = header; c != Object.class; c = c.getSuperclass()) {
            chain.add(c);
        }
    }

    // ---- the argfile itself

    @Test
    void argfileNamesPackageHeaderClassAndLibrary() {
        assertEquals(List.of(PKG), options.get("-t"));
        assertEquals(List.of("dnnl_h"), options.get("--header-class-name"));
        assertEquals(List.of(":libdnnl.so.3"), options.get("-l"));
        for (String kind : List.of("function", "typedef", "struct", "constant")) {
            List<String> names = includes(kind);
            assertFalse(names.isEmpty(), "no --include-" + kind);
            List<String> sorted = names.stream().sorted().toList();
            assertEquals(sorted, names, "--include-" + kind + " lines are not sorted");
            assertEquals(names.size(), new TreeSet<>(names).size(), "duplicate --include-" + kind);
        }
    }

    @Test
    void headerChainIsDnnlHExtendingShared() {
        assertEquals(List.of(PKG + ".dnnl_h", PKG + ".dnnl_h$shared"), chain.stream().map(Class::getName).toList());
        assertTrue(Modifier.isPublic(header.getModifiers()));
        Set<String> sharedFields = Arrays.stream(chain.getLast().getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("C_BOOL", "C_CHAR", "C_SHORT", "C_INT", "C_LONG_LONG",
                "C_FLOAT", "C_DOUBLE", "C_POINTER", "C_LONG")), sharedFields);
    }

    // ---- functions

    @Test
    void everyIncludedFunctionHasWrapperAndAccessors() throws IOException {
        for (String f : includes("function")) {
            Method wrapper = onlyPublicStatic(f);
            Method descriptor = onlyPublicStatic(f + "$descriptor");
            Method handle = onlyPublicStatic(f + "$handle");
            Method address = onlyPublicStatic(f + "$address");
            assertEquals(FunctionDescriptor.class, descriptor.getReturnType(), f);
            assertEquals(MethodHandle.class, handle.getReturnType(), f);
            assertEquals(MemorySegment.class, address.getReturnType(), f);
            assertEquals(0, descriptor.getParameterCount(), f);
            assertEquals(0, handle.getParameterCount(), f);
            assertEquals(0, address.getParameterCount(), f);

            HolderInit init = readHolderInit(f);
            assertEquals(f, init.lookupName(), f + ": ADDR looks up another symbol");
            List<Class<?>> argCarriers = init.argLayouts().stream().map(DnnlBindingsShapeTest::carrier).toList();
            assertEquals(argCarriers.size(), wrapper.getParameterCount(),
                    f + ": descriptor argument count differs from the wrapper's parameter count");
            assertEquals(argCarriers, List.of(wrapper.getParameterTypes()), f + ": parameter types");
            Class<?> ret = init.returnLayout() == null ? void.class : carrier(init.returnLayout());
            assertEquals(ret, wrapper.getReturnType(), f + ": return type");
        }
    }

    // ---- constants, typedefs, structs

    @Test
    void everyIncludedConstantHasNoArgGetter() {
        for (String c : includes("constant")) {
            Method m = onlyPublicStatic(c);
            assertEquals(0, m.getParameterCount(), c);
            assertTrue(Set.of(int.class, long.class, MemorySegment.class).contains(m.getReturnType()),
                    c + " returns " + m.getReturnType());
        }
    }

    @Test
    void everyIncludedStructHasLayoutAndSizeof() throws ReflectiveOperationException {
        for (String s : includes("struct")) {
            assertStructClass(s);
        }
    }

    @Test
    void everyIncludedTypedefIsALayoutFieldOrAStructClass() throws ReflectiveOperationException {
        for (String t : includes("typedef")) {
            if (includes("struct").contains(t)) {
                assertStructClass(t); // typedef of an anonymous struct: jextract emits a class
                continue;
            }
            Field field = header.getField(t); // public, found through the chain
            int mods = field.getModifiers();
            assertTrue(Modifier.isStatic(mods) && Modifier.isFinal(mods), t);
            // the one scalar typedef is int64_t; all the others are handle (pointer) typedefs
            Class<?> expected = t.equals("dnnl_dim_t") ? ValueLayout.OfLong.class : AddressLayout.class;
            assertEquals(expected, field.getType(), t);
            assertEquals(header, field.getDeclaringClass(), t);
        }
    }

    // ---- nothing bound that is not listed

    @Test
    void everyPublicStaticMemberOfTheChainIsListed() {
        Set<String> functions = Set.copyOf(includes("function"));
        Set<String> constants = Set.copyOf(includes("constant"));
        Set<String> typedefs = Set.copyOf(includes("typedef"));
        for (Method m : header.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !chain.contains(m.getDeclaringClass())) {
                continue;
            }
            String name = m.getName();
            int dollar = name.indexOf('$');
            if (dollar >= 0) {
                String base = name.substring(0, dollar);
                assertTrue(functions.contains(base), name + " belongs to no --include-function");
                assertTrue(Set.of("$descriptor", "$handle", "$address").contains(name.substring(dollar)), name);
            } else if (hasPublicStatic(name + "$descriptor")) {
                assertTrue(functions.contains(name), "wrapper " + name + " is not in the argfile");
            } else {
                assertTrue(constants.contains(name), "constant " + name + " is not in the argfile");
            }
        }
        for (Field f : header.getFields()) {
            if (f.getDeclaringClass() == header) {
                assertTrue(typedefs.contains(f.getName()), "field " + f.getName() + " is not in the argfile");
            }
        }
    }

    @Test
    void everyTopLevelClassOfThePackageIsTheHeaderChainOrAListedStruct() throws IOException, URISyntaxException {
        Set<String> expected = new TreeSet<>(includes("struct"));
        chain.forEach(c -> expected.add(c.getSimpleName()));
        Set<String> actual = new TreeSet<>(topLevelClassesOfPackage());
        assertEquals(expected, actual);
    }

    // ---- struct layout spot checks (initialise the struct classes and dnnl_h$shared only)

    @Test
    void execArgLayoutMatchesTheCStruct() {
        // dnnl_exec_arg_t's $LAYOUT reads dnnl_h.C_INT / dnnl_h.C_POINTER; those fields are
        // declared in dnnl_h$shared, so only dnnl_h$shared is initialised (JLS 12.4.1), never
        // dnnl_h and its SYMBOL_LOOKUP. Without libdnnl.so.3 around, initialising dnnl_h would
        // fail this test with an ExceptionInInitializerError.
        assertEquals(16, dnnl_exec_arg_t.sizeof());
        assertEquals(0, dnnl_exec_arg_t.arg$offset());
        assertEquals(8, dnnl_exec_arg_t.memory$offset());
        assertEquals(4, dnnl_exec_arg_t.arg$layout().byteSize());
        assertEquals(8, dnnl_exec_arg_t.memory$layout().byteSize());
        assertEquals(16, dnnl_exec_arg_t.layout().byteSize());
    }

    @Test
    void versionLayoutMatchesTheCStruct() {
        assertEquals(32, dnnl_version_t.sizeof());
        assertEquals(0, dnnl_version_t.major$offset());
        assertEquals(4, dnnl_version_t.minor$offset());
        assertEquals(8, dnnl_version_t.patch$offset());
        assertEquals(16, dnnl_version_t.hash$offset());
        assertEquals(24, dnnl_version_t.cpu_runtime$offset());
        assertEquals(28, dnnl_version_t.gpu_runtime$offset());
        assertEquals(8, dnnl_version_t.layout().byteAlignment());
    }

    @Test
    void structAccessorsRoundTripThroughNativeMemory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment args = dnnl_exec_arg_t.allocateArray(2, arena);
            MemorySegment second = dnnl_exec_arg_t.asSlice(args, 1);
            dnnl_exec_arg_t.arg(second, 17);
            dnnl_exec_arg_t.memory(second, MemorySegment.ofAddress(0x1000));
            assertEquals(17, args.get(ValueLayout.JAVA_INT, 16));
            assertEquals(0x1000, args.get(ValueLayout.JAVA_LONG, 24));
            assertEquals(17, dnnl_exec_arg_t.arg(second));
        }
    }

    // ---- helpers

    private static List<String> includes(String kind) {
        return options.getOrDefault("--include-" + kind, List.of());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LOADER);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("missing class " + name, e);
        }
    }

    private static void assertStructClass(String name) throws ReflectiveOperationException {
        Class<?> c = load(PKG + "." + name);
        Method layout = c.getMethod("layout");
        Method sizeof = c.getMethod("sizeof");
        assertTrue(Modifier.isStatic(layout.getModifiers()) && Modifier.isStatic(sizeof.getModifiers()), name);
        assertEquals(GroupLayout.class, layout.getReturnType(), name);
        assertEquals(long.class, sizeof.getReturnType(), name);
    }

    private static boolean hasPublicStatic(String name) {
        return Arrays.stream(header.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()));
    }

    private static Method onlyPublicStatic(String name) {
        List<Method> found = Arrays.stream(header.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
                .toList();
        assertEquals(1, found.size(), "public static " + name + " on the dnnl_h chain");
        return found.getFirst();
    }

    private static Class<?> carrier(String layoutField) {
        return switch (layoutField) {
            case "C_INT" -> int.class;
            case "C_LONG", "C_LONG_LONG" -> long.class;
            case "C_FLOAT" -> float.class;
            case "C_DOUBLE" -> double.class;
            case "C_POINTER" -> MemorySegment.class;
            default -> throw new AssertionError("unexpected layout " + layoutField);
        };
    }

    /** What the static initialiser of {@code dnnl_h$f} passes to FunctionDescriptor and findOrThrow. */
    record HolderInit(String returnLayout, List<String> argLayouts, String lookupName) { }

    private static HolderInit readHolderInit(String f) throws IOException {
        byte[] bytes;
        try (InputStream in = LOADER.getResourceAsStream(PKG.replace('.', '/') + "/dnnl_h$" + f + ".class")) {
            assertNotNull(in, "no holder class dnnl_h$" + f);
            bytes = in.readAllBytes();
        }
        ClassModel model = ClassFile.of().parse(bytes);
        MethodModel clinit = model.methods().stream()
                .filter(m -> m.methodName().equalsString("<clinit>"))
                .findFirst().orElseThrow(() -> new AssertionError("dnnl_h$" + f + " has no static initialiser"));
        CodeModel code = clinit.code().orElseThrow();
        List<String> layouts = new ArrayList<>();
        String factory = null;
        String lookupName = null;
        for (CodeElement e : code) {
            if (factory == null && e instanceof FieldInstruction fi && fi.opcode() == Opcode.GETSTATIC
                    && fi.name().stringValue().startsWith("C_")) {
                layouts.add(fi.name().stringValue());
            } else if (factory == null && e instanceof InvokeInstruction ii
                    && ii.owner().asInternalName().equals("java/lang/foreign/FunctionDescriptor")) {
                factory = ii.name().stringValue();
            } else if (e instanceof ConstantInstruction.LoadConstantInstruction lc
                    && lc.constantValue() instanceof String s) {
                lookupName = s;
            }
        }
        if ("of".equals(factory)) {
            return new HolderInit(layouts.getFirst(), layouts.subList(1, layouts.size()), lookupName);
        } else if ("ofVoid".equals(factory)) {
            return new HolderInit(null, layouts, lookupName);
        }
        return fail("dnnl_h$" + f + " builds no FunctionDescriptor");
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(name)) {
            assertNotNull(in, "class-path resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Tokenises like jextract's own @argfile reader for the subset used here: whitespace
     * separates tokens, a '#' at the start of a token comments out the rest of the line.
     * Every option in the file takes one value.
     */
    static Map<String, List<String>> parseArgfile(String text) {
        List<String> tokens = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String token : line.trim().split("\\s+")) {
                if (token.startsWith("#")) {
                    break;
                }
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            String option = tokens.get(i);
            assertTrue(option.startsWith("-"), "expected an option, got " + option);
            assertTrue(i + 1 < tokens.size(), option + " has no value");
            result.computeIfAbsent(option, k -> new ArrayList<>()).add(tokens.get(i + 1));
        }
        return result;
    }

    private static List<String> topLevelClassesOfPackage() throws IOException, URISyntaxException {
        Path location = Path.of(header.getProtectionDomain().getCodeSource().getLocation().toURI());
        String dir = PKG.replace('.', '/') + "/";
        List<String> entries;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(dir))) {
                entries = files.map(p -> p.getFileName().toString()).toList();
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                entries = jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
                        .map(n -> n.substring(dir.length()))
                        .toList();
            }
        }
        return entries.stream()
                .filter(n -> n.endsWith(".class"))
                .map(n -> n.substring(0, n.length() - ".class".length()))
                // nested classes (dnnl_h$f holders) share the top-level file name prefix
                .filter(n -> !n.contains("$") || n.equals("dnnl_h$shared"))
                .toList();
    }
}
