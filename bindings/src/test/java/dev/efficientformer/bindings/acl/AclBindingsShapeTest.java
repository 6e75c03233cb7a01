package dev.efficientformer.bindings.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.ConstantValueAttribute;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks, without the native library, that the checked-in bindings of the ACL shim, the jextract
 * @argfile and the C header {@code native/include/efficientformer_acl.h} agree.
 *
 * <p>{@code efficientformer_acl_h} must never be initialised here: its static initialiser builds
 * {@code SYMBOL_LOOKUP}, which loads {@code libefficientformer_acl.so} (an aarch64 library). So
 * classes are only obtained with {@code Class.forName(name, false, loader)}, descriptors are read
 * from the bytecode of each function's holder class, and constant values from the class file's
 * {@code ConstantValue} attributes. Tagged for the emulated aarch64 run (native/test-aarch64.sh): the
 * layouts come from the native linker of the platform.
 */
@Tag("aarch64-emulated")
class AclBindingsShapeTest {

    private static final String PKG = "dev.efficientformer.bindings.acl";
    private static final String HEADER_CLASS = "efficientformer_acl_h";
    private static final String ARGFILE = "META-INF/efficientformer/bindings/efficientformer_acl.argfile";
    private static final ClassLoader LOADER = AclBindingsShapeTest.class.getClassLoader();

    private static Map<String, List<String>> options;
    private static Class<?> header;
    private static List<Class<?>> chain;
    private static String cHeader;

    @BeforeAll
    static void readArgfileHeaderAndLoadClassesUninitialised() throws IOException {
        options = parseArgfile(readResource(ARGFILE));
        header = load(PKG + "." + HEADER_CLASS);
        chain = new ArrayList<>();
        for (Class<?> c = header; c != Object.class; c = c.getSuperclass()) {
            chain.add(c);
        }
        // Surefire runs in the module's folder; the header sits beside it in native/.
        Path h = Path.of(System.getProperty("user.dir")).resolve("../native/include/efficientformer_acl.h").normalize();
        assertTrue(Files.isRegularFile(h), "C header not found at " + h);
        cHeader = Files.readString(h);
    }

    // ---- the argfile

    @Test
    void argfileNamesPackageHeaderClassAndTheShimsSoname() {
        assertEquals(List.of(PKG), options.get("-t"));
        assertEquals(List.of(HEADER_CLASS), options.get("--header-class-name"));
        // CMake gives a SHARED library without VERSION/SOVERSION its file name as soname.
        assertEquals(List.of(":libefficientformer_acl.so"), options.get("-l"));
        for (String kind : List.of("function", "constant")) {
            List<String> names = includes(kind);
            assertFalse(names.isEmpty(), "no --include-" + kind);
            assertEquals(names.stream().sorted().toList(), names, "--include-" + kind + " lines are not sorted");
            assertEquals(names.size(), new TreeSet<>(names).size(), "duplicate --include-" + kind);
        }
        assertTrue(includes("struct").isEmpty() && includes("typedef").isEmpty(),
                "the handles are opaque: no struct or typedef is bound");
    }

    // ---- argfile against the C header

    @Test
    void argfileListsEveryFunctionOfTheHeader() {
        assertEquals(new TreeSet<>(headerFunctions().keySet()), new TreeSet<>(includes("function")));
    }

    @Test
    void argfileListsEveryConstantOfTheHeaderWithItsValue() throws IOException {
        Map<String, Long> inHeader = headerConstants();
        assertEquals(new TreeSet<>(inHeader.keySet()), new TreeSet<>(includes("constant")));
        Map<String, Object> inClass = constantValues();
        for (Map.Entry<String, Long> e : inHeader.entrySet()) {
            assertEquals(e.getValue().intValue(), inClass.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void everyFunctionHasTheHeadersParameterAndReturnTypes() throws IOException {
        for (Map.Entry<String, String> f : headerFunctions().entrySet()) {
            String decl = f.getValue();
            String name = f.getKey();
            String ret = decl.substring(0, decl.indexOf(name)).strip();
            String params = decl.substring(decl.indexOf('(') + 1, decl.lastIndexOf(')')).strip();
            List<String> expected = new ArrayList<>();
            if (!params.equals("void")) {
                for (String p : params.split(",")) {
                    expected.add(layoutOf(p.strip()));
                }
            }
            HolderInit init = readHolderInit(name);
            assertEquals(expected, init.argLayouts(), name + ": argument layouts");
            assertEquals(ret.equals("void") ? null : layoutOf(ret + " x"), init.returnLayout(), name + ": return layout");
        }
    }

    // ---- classes

    @Test
    void headerChainIsHeaderClassExtendingShared() {
        assertEquals(List.of(PKG + "." + HEADER_CLASS, PKG + "." + HEADER_CLASS + "$shared"),
                chain.stream().map(Class::getName).toList());
        assertTrue(Modifier.isPublic(header.getModifiers()));
        Set<String> sharedFields = Arrays.stream(chain.getLast().getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("C_BOOL", "C_CHAR", "C_SHORT", "C_INT", "C_LONG_LONG",
                "C_FLOAT", "C_DOUBLE", "C_POINTER", "C_LONG")), sharedFields);
    }

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
            assertEquals(0, descriptor.getParameterCount() + handle.getParameterCount() + address.getParameterCount(), f);

            HolderInit init = readHolderInit(f);
            assertEquals(f, init.lookupName(), f + ": ADDR looks up another symbol");
            List<Class<?>> argCarriers = init.argLayouts().stream().map(AclBindingsShapeTest::carrier).toList();
            assertEquals(argCarriers, List.of(wrapper.getParameterTypes()), f + ": parameter types");
            Class<?> ret = init.returnLayout() == null ? void.class : carrier(init.returnLayout());
            assertEquals(ret, wrapper.getReturnType(), f + ": return type");
        }
    }

    @Test
    void everyIncludedConstantHasAnIntGetter() {
        for (String c : includes("constant")) {
            Method m = onlyPublicStatic(c);
            assertEquals(0, m.getParameterCount(), c);
            assertEquals(int.class, m.getReturnType(), c);
        }
    }

    @Test
    void everyPublicStaticMemberOfTheChainIsListed() {
        Set<String> functions = Set.copyOf(includes("function"));
        Set<String> constants = Set.copyOf(includes("constant"));
        for (Method m : header.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !chain.contains(m.getDeclaringClass())) {
                continue;
            }
            String name = m.getName();
            int dollar = name.indexOf('$');
            if (dollar >= 0) {
                assertTrue(functions.contains(name.substring(0, dollar)), name + " belongs to no --include-function");
                assertTrue(Set.of("$descriptor", "$handle", "$address").contains(name.substring(dollar)), name);
            } else if (functions.contains(name)) {
                assertTrue(hasPublicStatic(name + "$descriptor"), name);
            } else {
                assertTrue(constants.contains(name), name + " is not in the argfile");
            }
        }
        for (Field f : header.getFields()) {
            assertTrue(f.getDeclaringClass() != header, "field " + f.getName() + " is not in the argfile (no typedefs are bound)");
        }
    }

    @Test
    void thePackageHoldsOnlyTheHeaderChain() throws IOException, URISyntaxException {
        Set<String> expected = new TreeSet<>();
        chain.forEach(c -> expected.add(c.getSimpleName()));
        assertEquals(expected, new TreeSet<>(topLevelClassesOfPackage()));
    }

    // ---- helpers

    private static List<String> includes(String kind) {
        return options.getOrDefault("--include-" + kind, List.of());
    }

    /** {@code name -> declaration} of every {@code EFACL_API} function, whitespace collapsed. */
    private static Map<String, String> headerFunctions() {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("EFACL_API\\s+([^;]*?\\))\\s*;", Pattern.DOTALL).matcher(cHeader);
        while (m.find()) {
            String decl = m.group(1).replaceAll("\\s+", " ");
            Matcher n = Pattern.compile("\\b(efacl_\\w+)\\s*\\(").matcher(decl);
            assertTrue(n.find(), decl);
            out.put(n.group(1), decl);
        }
        assertFalse(out.isEmpty(), "no EFACL_API declaration found in the header");
        return out;
    }

    /** {@code #define EFACL_X value} lines with an integer value. */
    private static Map<String, Long> headerConstants() {
        Map<String, Long> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^#define (EFACL_[A-Z0-9_]+) \\(?(-?\\d+)\\)?").matcher(cHeader);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    /** The layout jextract uses for a C parameter declaration ({@code type name} or {@code type name[N]}). */
    private static String layoutOf(String param) {
        if (param.contains("*") || param.contains("[")) {
            return "C_POINTER";
        }
        String type = param.replace("const ", "").strip();
        type = type.substring(0, type.lastIndexOf(' ')).strip();
        return switch (type) {
            case "int" -> "C_INT";
            case "size_t", "int64_t" -> "C_LONG";
            case "float" -> "C_FLOAT";
            default -> throw new AssertionError("unexpected C type in " + param);
        };
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LOADER);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("missing class " + name, e);
        }
    }

    private static boolean hasPublicStatic(String name) {
        return Arrays.stream(header.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()));
    }

    private static Method onlyPublicStatic(String name) {
        List<Method> found = Arrays.stream(header.getMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()))
                .toList();
        assertEquals(1, found.size(), "public static " + name + " on the " + HEADER_CLASS + " chain");
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

    private static byte[] classBytes(String binaryName) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(PKG.replace('.', '/') + "/" + binaryName + ".class")) {
            assertNotNull(in, "no class " + binaryName);
            return in.readAllBytes();
        }
    }

    /** The compile-time constant fields of the header class ({@code private static final int X = ...}). */
    private static Map<String, Object> constantValues() throws IOException {
        ClassModel model = ClassFile.of().parse(classBytes(HEADER_CLASS));
        Map<String, Object> out = new TreeMap<>();
        for (FieldModel f : model.fields()) {
            f.findAttribute(Attributes.constantValue()).map(ConstantValueAttribute::constant)
                    .ifPresent(c -> out.put(f.fieldName().stringValue(), c.constantValue()));
        }
        return out;
    }

    /** What the static initialiser of {@code efficientformer_acl_h$f} passes to FunctionDescriptor and findOrThrow. */
    record HolderInit(String returnLayout, List<String> argLayouts, String lookupName) { }

    private static HolderInit readHolderInit(String f) throws IOException {
        ClassModel model = ClassFile.of().parse(classBytes(HEADER_CLASS + "$" + f));
        MethodModel clinit = model.methods().stream()
                .filter(m -> m.methodName().equalsString("<clinit>"))
                .findFirst().orElseThrow(() -> new AssertionError(HEADER_CLASS + "$" + f + " has no static initialiser"));
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
        return fail(HEADER_CLASS + "$" + f + " builds no FunctionDescriptor");
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(name)) {
            assertNotNull(in, "class-path resource " + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Tokenises like jextract's @argfile reader for this subset: '#' starts a comment, every option takes one value. */
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
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                entries = jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
                        .map(n -> n.substring(dir.length()))
                        .toList();
            }
        }
        return entries.stream()
                .filter(n -> n.endsWith(".class"))
                .map(n -> n.substring(0, n.length() - ".class".length()))
                .filter(n -> !n.contains("$") || n.equals(HEADER_CLASS + "$shared"))
                .toList();
    }
}
